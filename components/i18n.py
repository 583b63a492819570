"""Interface labels in Vietnamese (default) and English, and display names for the store's codes."""

from __future__ import annotations

from functools import cache

from newsfacts.extract.countries import country_name

LANGS = ("vi", "en")

LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("Ngoại giao quốc phòng qua báo chí", "Defence diplomacy in the news"),
    "page_overview": ("Tổng quan", "Overview"),
    "page_dialogues": ("Đối thoại", "Dialogues"),
    "page_map": ("Bản đồ", "Map"),
    "page_deals": ("Thương vụ vũ khí", "Arms deals"),
    "page_articles": ("Bài báo", "Articles"),
    "page_import": ("Nhập dữ liệu", "Import"),
    "page_people": ("Nhân vật", "People"),
    "trends": ("Xu hướng theo năm", "Trends by year"),
    "dialogues_per_year": ("Đối thoại mỗi năm, theo cơ chế", "Dialogues per year, by mechanism"),
    "deal_value_per_year": ("Giá trị thương vụ đã biết mỗi năm (USD)", "Known deal value per year (USD)"),
    "by_side": ("Theo", "By"),
    "other_countries": ("Các nước khác", "Other countries"),
    "undated_left_out": ("{n} mục không rõ năm không được vẽ.", "{n} undated items are not drawn."),
    "download_chart": ("Tải dữ liệu biểu đồ (CSV)", "Download chart data (CSV)"),
    "people_hint": ("Những người được nêu tên trong các bài báo đã lọc, với chức vụ, quốc gia và các cuộc đối thoại họ tham gia.",
                    "The people named in the filtered articles, with their roles, countries and the dialogues they took part in."),
    "first_seen": ("Lần đầu được nhắc", "First named"),
    "last_seen": ("Lần cuối được nhắc", "Last named"),
    "filters": ("Bộ lọc", "Filters"),
    "language": ("Ngôn ngữ", "Language"),
    "date_range": ("Khoảng thời gian", "Date range"),
    "countries": ("Quốc gia", "Countries"),
    "source": ("Nguồn", "Source"),
    "mechanism": ("Cơ chế", "Mechanism"),
    "dialogue_status": ("Trạng thái đối thoại", "Dialogue status"),
    "deal_category": ("Loại vũ khí", "Deal category"),
    "deal_status": ("Trạng thái thương vụ", "Deal status"),
    "clear_filters": ("Xoá bộ lọc", "Clear filters"),
    "choose": ("Chọn…", "Choose…"),
    "billion": ("tỷ", "bn"),
    "million": ("triệu", "m"),
    "articles": ("Bài báo", "Articles"),
    "dialogues": ("Cuộc đối thoại", "Dialogues"),
    "deals": ("Thương vụ", "Deals"),
    "deal_value": ("Tổng giá trị đã biết (USD)", "Total known value (USD)"),
    "latest_dialogues": ("Đối thoại mới nhất", "Latest dialogues"),
    "latest_deals": ("Thương vụ mới nhất", "Latest deals"),
    "data_origin": ("Nguồn dữ liệu", "Where the data came from"),
    "files": ("Tệp đã nhập", "Files ingested"),
    "last_ingested": ("Lần nhập gần nhất", "Last ingested"),
    "download_csv": ("Tải CSV (bảng đang xem)", "Download CSV (this view)"),
    "export_note": ("Xuất dữ liệu theo bộ lọc: mã sự kiện ổn định, mã ISO-3, nguồn và đường dẫn; tên cột xem docs/codebook.md.",
                    "Export under the filters: stable event ids, ISO-3 codes, sources and links; columns in docs/codebook.md."),
    "export_csv": ("CSV", "CSV"),
    "export_xlsx": ("Excel", "Excel"),
    "export_parquet": ("Parquet", "Parquet"),
    "export_json": ("JSON", "JSON"),
    "rows": ("dòng", "rows"),
    "no_rows": ("Không có dòng nào khớp bộ lọc.", "No rows match the filters."),
    "empty_store": ("Kho dữ liệu trống. Hãy nhập bài báo ở trang Nhập dữ liệu.", "The store is empty. Import articles on the Import page."),
    "timeline": ("Dòng thời gian", "Timeline"),
    "choose_dialogue": ("Chọn một cuộc đối thoại", "Choose a dialogue"),
    "evidence": ("Câu làm bằng chứng", "Evidence sentences"),
    "open_article": ("Mở bài báo", "Open article"),
    "colour_by": ("Tô màu theo", "Colour by"),
    "by_dialogues": ("Số cuộc đối thoại", "Dialogues"),
    "by_deals": ("Số thương vụ", "Deals"),
    "by_mentions": ("Số lần nhắc đến", "Mentions"),
    "choose_country": ("Chọn quốc gia để lọc", "Choose a country to filter"),
    "map_hint": ("Bấm vào một quốc gia trên bản đồ hoặc chọn trong danh sách để lọc mọi trang.",
                 "Click a country on the map or choose it in the list to filter every page."),
    "country_table": ("Mức độ tham gia theo quốc gia", "Involvement by country"),
    "totals_buyer": ("Tổng theo bên mua", "Totals by buyer"),
    "totals_seller": ("Tổng theo bên bán", "Totals by seller"),
    "totals_category": ("Tổng theo loại", "Totals by category"),
    "conflicts": ("Các nguồn mâu thuẫn", "Conflicting sources"),
    "no_conflicts": ("Các nguồn không mâu thuẫn.", "The sources agree."),
    "search": ("Tìm trong tiêu đề và nội dung", "Search titles and text"),
    "choose_article": ("Chọn bài báo", "Choose an article"),
    "article_text": ("Nội dung", "Text"),
    "article_list": ("Danh sách bài báo", "Article list"),
    "people": ("Nhân vật", "People"),
    "upload": ("Tải tệp lên (.txt, .html, .jsonl, .zip)", "Upload files (.txt, .html, .jsonl, .zip)"),
    "manifest": ("Tệp manifest CSV (không bắt buộc)", "Manifest CSV (optional)"),
    "run_import": ("Nhập vào kho", "Import into the store"),
    "too_many_files": ("Tối đa {limit} tệp mỗi lần; bạn đã chọn {n}.", "At most {limit} files at a time; you chose {n}."),
    "wrong_type": ("Chỉ nhận .txt, .html, .jsonl, .zip; bị từ chối: {names}.", "Only .txt, .html, .jsonl, .zip are accepted; refused: {names}."),
    "same_name": ("Hai tệp trùng tên: {names}. Hãy đổi tên rồi tải lại.", "Two files share a name: {names}. Rename and upload again."),
    "import_done": ("Đã nhập xong; các trang khác đã hiển thị dữ liệu mới.", "Imported; the other pages now show the new data."),
    "upload_limits": ("Tối đa {files} tệp, mỗi tệp {file_mb} MB, tổng {session_mb} MB mỗi phiên; tệp vượt giới hạn bị từ chối "
                      "ngay khi tải lên.",
                      "At most {files} files of {file_mb} MB each, {session_mb} MB in all per session; a file past a "
                      "limit is refused as it is uploaded."),
    "already_stored": ("Đã có trong kho (giữ bản đủ thông tin hơn)", "Already stored (the better-described copy kept)"),
    "import_report": ("Kết quả theo tệp", "Per-file report"),
    "parsing": ("Đang phân tích {name} ({done}/{total})", "Parsing {name} ({done}/{total})"),
    "sampled": ("Biểu đồ gộp theo tháng (hoặc năm) vì có {n} điểm (tối đa {limit}).",
                "Chart aggregated by month (or year): {n} points (limit {limit})."),
    "top_only": ("Chỉ vẽ {limit} đường lớn nhất trong {n}.", "Only the largest {limit} of {n} lines are drawn."),
    "building_store": ("Đang dựng kho dữ liệu lần đầu…", "Building the store for the first time…"),
    "store_damaged": ("Kho dữ liệu bị hỏng và được giữ nguyên, không thay đổi gì. Hãy kiểm tra và sửa bằng:",
                      "The store is damaged and was left as it is. Check and repair it with:"),
    "store_missing": ("Kho dữ liệu đặt bởi NEWSFACTS_STORE chưa có. Trang này chỉ tự dựng kho mặc định data/store; "
                      "hãy dựng kho này bằng lệnh:",
                      "The store NEWSFACTS_STORE points at does not exist. The dashboard builds only the default store "
                      "data/store; build this one with:"),
    "store_stale": ("Kho dữ liệu đặt bởi NEWSFACTS_STORE cũ hơn dữ liệu mẫu mà nó chứa. Trang này không sửa kho đó; "
                    "hãy cập nhật bằng lệnh:",
                    "The store NEWSFACTS_STORE points at is older than the bundled data it holds. The dashboard does not "
                    "change it; update it with:"),
    "store_old-format": ("Kho dữ liệu đặt bởi NEWSFACTS_STORE có định dạng cũ. Trang này không sửa kho đó; "
                         "hãy dựng lại bằng lệnh:",
                         "The store NEWSFACTS_STORE points at has an older format. The dashboard does not change it; "
                         "rebuild it with:"),
    "ignored_params": ("Đã bỏ qua các tham số không hợp lệ trong đường dẫn:", "Ignored these invalid parameters of the link:"),
    "store_busy": ("Đang chờ {holder} ghi xong kho dữ liệu…", "Waiting for {holder} to finish writing the store…"),
    "sentence_n": ("Câu {n}", "Sentence {n}"),
    "not_found": ("Không tìm thấy bài báo này.", "Article not found."),
    "n_sources": ("Số nguồn", "Sources"),
    "date": ("Ngày", "Date"),
    "place": ("Địa điểm", "Place"),
    "participants": ("Người tham dự", "Participants"),
    "status": ("Trạng thái", "Status"),
    "pair": ("Cặp quốc gia", "Country pair"),
    "lane": ("Cơ chế · cặp", "Mechanism · pair"),
    "value_usd": ("Giá trị (USD)", "Value (USD)"),
    "value": ("Giá trị", "Value"),
    "quantity": ("Số lượng", "Quantity"),
    "system": ("Hệ thống", "System"),
    "category": ("Loại", "Category"),
    "kind": ("Hình thức", "Kind"),
    "buyer": ("Bên mua", "Buyer"),
    "seller": ("Bên bán", "Seller"),
    "suppliers": ("Nhà cung cấp", "Suppliers"),
    "year": ("Năm", "Year"),
    "conflict_flag": ("Mâu thuẫn", "Conflict"),
    "event": ("Sự kiện", "Event"),
    "field": ("Trường", "Field"),
    "reported_by": ("Nguồn đưa tin (ngày đăng)", "Reported by (publication date)"),
    "location_city": ("Thành phố", "City"),
    "location_country": ("Nước chủ nhà", "Host country"),
    "link": ("Bằng chứng", "Evidence"),
    "title": ("Tiêu đề", "Title"),
    "published": ("Ngày đăng", "Published"),
    "country": ("Quốc gia", "Country"),
    "count": ("Số lượng", "Count"),
    "name": ("Tên", "Name"),
    "role": ("Chức vụ", "Role"),
    "file": ("Tệp", "File"),
    "problem": ("Lý do", "Reason"),
    "read": ("Đã đọc", "Read"),
    "refused": ("Từ chối", "Refused"),
    "url": ("Đường dẫn", "URL"),
    "inferred": ("(suy ra)", "(inferred)"),
    # Tables and pickers capped at large stores (render helper, issue #6)
    "rows_capped": ("Chỉ hiển thị {shown} dòng đầu trong {n}; tải CSV để có tất cả.",
                    "Showing the first {shown} of {n} rows; download the CSV for all of them."),
    "pick_capped": ("Danh sách chỉ gồm {shown} đối thoại đầu của bảng; thu hẹp bộ lọc để tìm các đối thoại khác.",
                    "The list holds only the table's first {shown} dialogues; narrow the filters to reach the others."),
    "lanes_capped": ("Chỉ vẽ {shown} làn (cơ chế · cặp nước) nhiều đối thoại nhất trong {n}.",
                     "Only the {shown} lanes (mechanism · pair) with the most dialogues of {n} are drawn."),
    # Articles page (data helper, issue #6)
    "articles_capped": ("Danh sách chỉ gồm {shown} bài mới nhất trong {n}; hãy tìm kiếm hoặc thu hẹp bộ lọc để chọn bài khác.",
                        "The list holds only the {shown} newest of {n} articles; search or narrow the filters to reach the others."),
}

VALUES: dict[str, tuple[str, str]] = {
    "held": ("đã diễn ra", "held"),
    "planned": ("dự kiến", "planned"),
    "postponed": ("hoãn", "postponed"),
    "agreed": ("đã nhất trí tổ chức", "agreed"),
    "cancelled": ("đã huỷ", "cancelled"),
    "2+2": ("2+2", "2+2"),
    "2+2 intersessional": ("2+2 giữa kỳ", "2+2 intersessional"),
    "strategic dialogue": ("đối thoại chiến lược", "strategic dialogue"),
    "defence policy dialogue": ("đối thoại chính sách quốc phòng", "defence policy dialogue"),
    "security dialogue": ("đối thoại an ninh", "security dialogue"),
    "other dialogue": ("đối thoại khác", "other dialogue"),
    "purchase": ("mua bán", "purchase"),
    "co-production": ("hợp tác sản xuất", "co-production"),
    "agreement": ("thoả thuận", "agreement"),
    "aircraft": ("máy bay", "aircraft"),
    "uav": ("máy bay không người lái", "UAV"),
    "engine": ("động cơ", "engine"),
    "missile": ("tên lửa", "missile"),
    "air-defence": ("phòng không", "air defence"),
    "armoured-vehicle": ("xe bọc thép", "armoured vehicle"),
    "naval": ("hải quân", "naval"),
    "artillery": ("pháo binh", "artillery"),
    "other": ("khác", "other"),
    "proposed": ("đề xuất", "proposed"),
    "negotiating": ("đang đàm phán", "negotiating"),
    "signed": ("đã ký", "signed"),
    "delivered": ("đã bàn giao", "delivered"),
    "exact": ("", ""),
    "year": ("chỉ biết năm", "year only"),
    "month": ("chỉ biết tháng", "month only"),
    "day": ("ngày", "day"),
    "approx": ("khoảng", "about"),
    "over": ("hơn", "over"),
    "under": ("dưới", "under"),
    "ok": ("đã đọc", "read"),
    "ingested": ("đã đọc", "read"),
    "unchanged": ("không đổi, đã có trong kho", "unchanged, already in the store"),
    "removed": ("đã gỡ", "removed"),
    "skipped": ("từ chối", "refused"),
}

DIALOGUE_STATUSES = ("held", "planned", "postponed", "agreed", "cancelled")
MECHANISMS = ("2+2", "2+2 intersessional", "strategic dialogue", "defence policy dialogue", "security dialogue", "other dialogue")
DEAL_CATEGORIES = ("aircraft", "uav", "engine", "missile", "air-defence", "armoured-vehicle", "naval", "artillery", "other")
DEAL_STATUSES = ("proposed", "negotiating", "signed", "delivered", "cancelled")


def t(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = LABELS[key][LANGS.index(lang)]
    return text.format(**values) if values else text


def value_label(value: str | None, lang: str) -> str:
    """A store code (status, mechanism, category, ...) as a reader would say it."""
    if value is None:
        return ""
    pair = VALUES.get(value)
    return pair[LANGS.index(lang)] if pair else value


@cache
def country_label(code: str | None, lang: str) -> str:
    if not code:
        return ""
    return country_name(code, lang) or code
