"""Who meets and where: the parties of a mention and its venue."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfacts.extract.countries import CountryHit
from newsfacts.extract.people import UPPER
from newsfacts.extract.prefilter import guarded
from newsfacts.records import Location
from newsfacts.extract.dialogues.vocabulary import _capitals, _venue_pattern, _venues


_CONNECTOR = re.compile(r"\s*(?:và|với|cùng|,|-|/|–)\s*")


_WITH_PARTNER = re.compile(r"(?:với|cùng)\s*$")
_STARTS_A_PAIR = re.compile(r"\s*,\s*")
_HYPHEN = re.compile(r"\s*[-–]\s*")
_JUST_WITH = re.compile(r"\s*(?:với|cùng)\s*")


_SEVERAL_SIDED = re.compile(r"ba bên|bốn bên|ba nước|bốn nước|đa phương|tam giác|\bbộ tứ\b|trilateral")


# "thăm Mỹ, đồng chủ trì cuộc tham vấn": the country visited is where the meeting is.
# The lead word of a place, and what kind of place it names: a capital, or a town ("thành phố cảng", "TP.").
_VENUE_LEAD = re.compile(r"(?<!\w)(?i:tại|ở|tới|đến|sang|thăm(?:\s+(?:chính thức|cấp nhà nước|làm việc))?)\s+"
                         r"(?:(?P<capital>(?i:thủ đô)\s+)"
                         r"|(?P<town>(?i:thành phố|thị trấn|thị xã)(?:\s+(?:cảng|ven biển|biển))?\s+|TP\.\s*|TP\s+))?")
# "..., Australia", "... thuộc bang Victoria, Australia", "..., Vương quốc Campuchia", ", khu tự trị ... Quảng Tây
# (Trung Quốc)", ", miền Tây nước Đức": what may stand between a town and the country it is placed in.
_PLACED_IN = re.compile(r"\s*(?:,\s*|\(\s*|\s(?:thuộc|của)\s+)(?:[^,.;:()]{0,40}?(?:[,(]\s*|\s(?=(?i:nước)\s)))?"
                        r"(?:(?i:vương quốc|liên bang|cộng hòa|nước)\s+)?$")
_PLACED_IN_CHARS = 55


# "tại trụ sở Bộ Quốc phòng Nhật Bản": a building of one country's government stands for that country.
_SEAT_OF = re.compile(r"(?i:trụ sở|tòa nhà|văn phòng|trung tâm hội nghị)?(?:\s*(?:của\s+)?(?i:bộ|tổng cục|cục)"
                      r"(?:\s+[\w-]+){1,3}\s+)?$")


# "trong bối cảnh cuộc xung đột ở Ukraine": where a war or crisis is, not where the meeting is.
_SCENE_OF_EVENTS = re.compile(r"(?i:xung đột|chiến sự|chiến tranh|cuộc chiến|khủng hoảng|căng thẳng|bất ổn|tình hình)"
                              r"(?:\s+\S+){0,2}\s*$")
_SCENE_CHARS = 30


# "Theo phóng viên TTXVN tại New Delhi": where the reporter is, not where the meeting is.
_REPORTER_BASE = re.compile(r"(?i:phóng viên|\bPV\b|thông tấn xã)[^,.;:]{0,30}$")


# "tại Nhà khách Hyderabad, New Delhi", "tại Trụ sở Bộ Quốc phòng (Hà Nội)": a named building, then the city or
# country it stands in.
_NAMED_BUILDING = re.compile(r"(?i:nhà khách|khách sạn|trung tâm|cung|dinh|phủ|tòa nhà|trụ sở|hội trường|căn cứ|"
                             r"học viện|bảo tàng|bộ tư lệnh)\b[^,.;:()]{0,40}[,(]\s*(?:(?i:thủ đô|thành phố)\s+|TP\.\s*|TP\s+)?")


# "Hyderabad House, thủ đô New Delhi": an English building word after a place's name, then where the building is.
_BUILDING_NAMED_AFTER = re.compile(r"\s+(?:House|Palace|Hall|Hotel|Centre|Center|Castle|Tower)\b\s*[,(]?\s*"
                                   r"(?:(?i:thủ đô|thành phố)\s+|TP\.\s*)?")


# "pháo đài cổ", "khu nghỉ dưỡng ven biển": lower-case words that describe the place named after them (not "với",
# "của", "giữa", which name a party).
_DESCRIBED_PLACE = re.compile(r"(?:(?!(?:với|của|giữa|và|cùng|cuộc|hội nghị|phiên)\b)[a-zà-ỹđ]+\s+){1,3}")


# "tại trụ sở Bộ Quốc phòng" with no country after it: in the Vietnamese press, Vietnam's own ministry.
_OWN_MINISTRY = re.compile(r"(?i:trụ sở\s+)?(?i:bộ)\s+(?i:quốc phòng|ngoại giao)"
                           r"(?=\s*(?:[,.;:]|đã|$|\s(?:vào|ngày|sáng|chiều|diễn ra|đã diễn ra)\b))")


_CITY_NAME = re.compile(rf"[{UPPER}][\w-]*(?: [{UPPER}][\w-]*){{0,2}}")


_MAX_SEAT_CHARS = 60


# "Nhật Bản - Australia nhóm họp 2+2, mở rộng hợp tác ba bên với Mỹ": a partner past a comma is another matter's.
_CLAUSE_MARK = re.compile(r"[,;.]")


def _country_groups(text: str, hits: Sequence[CountryHit], start: int, end: int) -> list[tuple[int, int, set[str]]]:
    """Runs of countries joined by "và", "-", "," or "X <mechanism> với Y"."""
    return [(g_start, g_end, host | partners) for g_start, g_end, host, partners in _host_groups(text, hits, start, end)]


def _host_groups(text: str, hits: Sequence[CountryHit], start: int, end: int
                 ) -> list[tuple[int, int, set[str], set[str]]]:
    """`_country_groups` with each run split into the host before the mechanism and the partners after "với" (no
    partners when the run is a plain list)."""
    groups: list[tuple[int, int, set[str], set[str]]] = []
    for i, hit in enumerate(hits):
        if groups and _STARTS_A_PAIR.fullmatch(text, groups[-1][1], hit.start) and i + 1 < len(hits) \
                and _HYPHEN.fullmatch(text, hit.end, hits[i + 1].start):
            # "họp 2+2 với Mỹ và Canada, Trung Quốc - Nga tham vấn ...": a hyphenated pair after a comma is a pair of
            # its own, not more of the list.
            groups.append((hit.start, hit.end, {hit.code}, set()))
            continue
        if groups:
            g_start, g_end, host, partners = groups[-1]
            between = text[g_end:hit.start]
            # "Nhật Bản tổ chức 2+2 với A", and "2+2 giữa Nhật Bản với A" where the host is right before the partner.
            if not partners and end <= hit.start and (
                    g_end <= start and _WITH_PARTNER.search(between) and not _CLAUSE_MARK.search(text, end, hit.start)
                    or g_start >= end and _JUST_WITH.fullmatch(between)):
                groups[-1] = (g_start, hit.end, host, {hit.code})
                continue
            if _CONNECTOR.fullmatch(between):
                groups[-1] = (g_start, hit.end, host, partners | {hit.code}) if partners else (
                    g_start, hit.end, host | {hit.code}, partners)
                continue
        groups.append((hit.start, hit.end, {hit.code}, set()))
    return groups


def _separate_meetings(text: str, lower: str, hits: Sequence[CountryHit], start: int, end: int,
                       parties: tuple[str, ...]) -> list[tuple[str, ...]]:
    """"Nhật Bản tổ chức đối thoại 2+2 (riêng rẽ) với Philippines và Mỹ": a two-sided mechanism held by one host
    with several partners is one meeting per partner, unless the sentence says it is a meeting of three or more."""
    if len(parties) <= 2 or _SEVERAL_SIDED.search(lower):
        return [parties]
    for _, _, host, partners in _host_groups(text, hits, start, end):
        if len(host) == 1 and len(partners) >= 2 and host | partners == set(parties):
            return [tuple(sorted(host | {partner})) for partner in sorted(partners)]
    return [parties]


# "đã lần lượt dự hai cuộc đối thoại 2+2 tại Tokyo và Manila": several meetings, one at each venue listed.
_SEVERAL_MEETINGS_BEFORE = re.compile(r"\b(?:lần lượt|hai cuộc|ba cuộc|các cuộc)\b[^,.;]{0,40}$")
_VENUES_LISTED = re.compile(r"[^,.;]{0,20}?\btại\s+$")
_VENUE_LINK = re.compile(r"\s*(?:,|và)\s*")


def _meetings_at_venues(text: str, lower: str, hits: Sequence[CountryHit], start: int, end: int
                        ) -> list[tuple[tuple[str, ...], Location]]:
    """The meetings of a host told as several, held one at each capital listed after the mechanism: the host meets
    the country of each, there; empty when the sentence does not tell them so."""
    if not _SEVERAL_MEETINGS_BEFORE.search(lower, max(0, start - 50), start):
        return []
    venues = [h for h in hits if h.start >= end and h.kind == "metonym"]
    if len(venues) < 2 or not _VENUES_LISTED.fullmatch(lower, end, venues[0].start) \
            or not _VENUE_LINK.fullmatch(lower, venues[0].end, venues[1].start):
        return []
    listed = {venues[0].code, venues[1].code}
    # "Sau hai cuộc đối thoại "2+2" liên tiếp tại Tokyo và Seoul, Bộ trưởng Quốc phòng Mỹ ...": the host told after.
    hosts = {h.code for h in hits if h.end <= start and h.kind != "metonym"} - listed \
        or {h.code for h in hits if h.start >= venues[1].end and h.kind != "metonym"} - listed
    if len(hosts) != 1 or venues[0].code == venues[1].code:
        return []
    (host,) = hosts
    return [(tuple(sorted((host, venue.code))), Location(city=text[venue.start:venue.end], country=venue.code))
            for venue in venues[:2]]


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def _parties(text: str, hits: Sequence[CountryHit], start: int, end: int, left: int, right: int
             ) -> tuple[str, ...]:
    found = _nearest_parties(text, hits, start, end, left, right)
    partner, partnered = _host_and_partner(text, hits, start, end, left)
    # "Đối thoại 2+2 với Hàn Quốc", where the pair named nearby is another meeting's: the partner named wins.
    if partner is not None and not partnered \
            and not any(left <= h.start and h.end <= start and not _not_a_host(text, h) for h in hits):
        # "hai bộ trưởng đã dự cuộc họp 2+2 với Indonesia tại Jakarta, và ... với Ấn Độ": the host is told elsewhere.
        return (partner,)
    return partnered if partnered and partner not in found else found


# "Tại cuộc họp 2+2, ..., nơi các vụ va chạm giữa tàu Philippines và tàu Trung Quốc gia tăng": ships, troops or
# fishermen of a country told in another clause make it no party of the meeting.
_OWNED_THING = re.compile(r"\b(?:tàu|tàu chiến|máy bay|binh sĩ|quân đội|hải quân|không quân|lục quân|lực lượng|ngư dân"
                          r"|công dân|doanh nghiệp)\s+$", re.IGNORECASE)


# "trong bối cảnh căng thẳng giữa Philippines và Trung Quốc ở Biển Đông gia tăng": countries at odds, told as the
# background of a meeting, are not its parties.
_AT_ODDS = re.compile(r"(?i:căng thẳng|tranh chấp|xung đột|va chạm|bất đồng|đối đầu)(?:\s+giữa)?\s+$")
_AT_ODDS_CHARS = 25


# "... tiến hành cuộc họp 2+2, thảo luận về tình hình khu vực và việc tăng cường hợp tác ba bên với Mỹ": a country in
# what the meeting discussed, outside its clause, is no party of it.
_DISCUSSED = re.compile(r"\b(?:thảo luận|bàn thảo|trao đổi|tập trung)(?: về| vào)?\b", re.IGNORECASE)


# "... sau phiên 2+2, trước khi lên đường sang Hàn Quốc và Indonesia": where someone travels on to after the meeting.
_TRAVELS_ON = re.compile(r"\b(?:sang|tới|đến)(?: thăm)?\s+$")
_TRAVELS_ON_CHARS = 12


def _nearest_parties(text: str, hits: Sequence[CountryHit], start: int, end: int, left: int, right: int
                     ) -> tuple[str, ...]:
    hits = [h for h in hits
            if h.start < end or not _TRAVELS_ON.search(text, max(0, h.start - _TRAVELS_ON_CHARS), h.start)]
    all_groups = _country_groups(text, hits, start, end)
    # Countries at odds, and those in what the meeting discussed ("trao đổi ... như tình hình Syria và Ukraine").
    told_of = [g for g in all_groups if _AT_ODDS.search(text, max(0, g[0] - _AT_ODDS_CHARS), g[0])
               or g[0] >= end and _DISCUSSED.search(text, end, g[0])]
    groups = [g for g in all_groups if len(g[2]) >= 2 and g not in told_of]
    if groups:
        best = min(groups, key=lambda g: _distance(g[0], g[1], start, end))
        return tuple(sorted(best[2]))
    hits = [h for h in hits if not any(g[0] <= h.start < g[1] for g in told_of)]
    near = sorted((h for h in hits if left <= h.start and h.end <= right), key=lambda h: _distance(h.start, h.end, start, end))
    near = near or sorted((h for h in hits if not _OWNED_THING.search(text, max(0, h.start - 12), h.start)
                           and not (h.start >= end and _DISCUSSED.search(text, end, h.start))),
                          key=lambda h: _distance(h.start, h.end, start, end))
    codes: list[str] = []
    for hit in near:
        if hit.code not in codes:
            codes.append(hit.code)
    return tuple(sorted(codes[:2]))


_PARTNER_AFTER = re.compile(r"\s+(?:(?:đầu tiên|lần (?:thứ )?[^\s,.;]+|thường niên)\s+)?(?:với|cùng)\s+"
                            r"(?:(?:phía|đối tác|đồng minh|người đồng cấp|các đồng cấp)\s+)?")


def _not_a_host(text: str, hit: CountryHit) -> bool:
    """"... với Indonesia tại Jakarta": a country named after "với" is some meeting's partner, a capital after "tại" (or
    "tới") its venue, a country after "rời" the one left; none is the host of a meeting named after them."""
    before = text[max(0, hit.start - 10):hit.start]
    return _WITH_PARTNER.search(before) is not None or _LEFT.search(before) is not None \
        or (hit.kind == "metonym" and _AT.search(before) is not None)


_AT = re.compile(r"(?:tại|ở|tới|đến)\s+$")
# "Rời Ấn Độ, hai bộ trưởng sẽ tới Seoul để tham vấn 2+2 với Hàn Quốc": the country left is no host of what follows.
_LEFT = re.compile(r"(?i:\brời(?: khỏi)?)\s+$")


def _host_and_partner(text: str, hits: Sequence[CountryHit], start: int, end: int, left: int = 0
                      ) -> tuple[str | None, tuple[str, ...]]:
    """"(phái đoàn Australia sẽ tới Seoul để tiến hành) Đối thoại 2+2 với Hàn Quốc": the country right after "với" is
    the partner, the nearest other country before the mechanism in its clause (from `left`) the host ("..., rồi tới
    Seoul dự Đối thoại 2+2 với Hàn Quốc": not a country of the clause before, another meeting's)."""
    link = _PARTNER_AFTER.match(text, end)
    partner = next((h for h in hits if link and h.start == link.end()), None)
    if partner is None:
        return None, ()
    # "... sau Indonesia, nước đã có phiên 2+2 với Tokyo": a clause set after a country to say what it did is that
    # country's.
    floor = left if not _SAID_OF_THE_COUNTRY_BEFORE.match(text, left) else max(0, left - _SAID_OF_CHARS)
    host = next((h for h in reversed(hits) if floor <= h.start and h.end <= start and h.code != partner.code
                 and not _not_a_host(text, h)), None)
    return partner.code, tuple(sorted({host.code, partner.code})) if host else ()


_SAID_OF_THE_COUNTRY_BEFORE = re.compile(r"\s*(?:nước|quốc gia)\b")
_SAID_OF_CHARS = 25


# "..., do Jakarta đăng cai trong năm nay", "New Delhi tổ chức Đối thoại 2+2 ... với Mỹ", "Tokyo tiếp Ngoại trưởng Mỹ
# ... trong cuộc họp 2+2", "Tokyo là nơi diễn ra cuộc họp 2+2 Nhật - Mỹ": the host city is where the meeting is.
_HOSTED_BY = guarded(r"\bdo\s+(?=\S)(?P<place>[^,.;()]{2,30}?)\s+(?:sẽ\s+)?đăng cai\b")
_HOSTS = re.compile(r"\s+(?:(?:đã|sẽ|vừa|cũng(?: đã)?)\s+)?(?:tổ chức|đăng cai|tiếp|đón|chào đón)\b")
_IS_THE_SCENE = re.compile(r"\s+là nơi (?:(?:đã|sẽ)\s+)?(?:diễn ra|tổ chức)\b")
_PAIRED_BEFORE = re.compile(r"(?:\bvà|\bvới|\bcùng|[,/–-])\s*$")  # "Tokyo và Bắc Kinh đã tổ chức": both hold it


def _hosts(text: str, hit: CountryHit) -> bool:
    """A capital that holds or receives a meeting, not beside another capital; or that is its scene ("Ngày 28/7, Tokyo
    là nơi diễn ra ...")."""
    return _HOSTS.match(text, hit.end) is not None and not _PAIRED_BEFORE.search(text, max(0, hit.start - 8), hit.start) \
        or _IS_THE_SCENE.match(text, hit.end) is not None


def _venue_options(text: str, hits: Sequence[CountryHit]) -> list[tuple[int, Location]]:
    """Every place the sentence names after "tại", "ở", "tới" or "đến", or as the host ("do Jakarta đăng cai"), with
    where its lead word starts."""
    options = [(host.start(), Location(venue.group(), _venues()[venue.group()])) for host in _HOSTED_BY.finditer(text)
               if (venue := _venue_pattern().fullmatch(text, host.start("place"), host.end("place")))]
    options += [(hit.start, Location(text[hit.start:hit.end], hit.code)) for hit in hits
                if hit.kind == "metonym" and _hosts(text, hit) and _venue_pattern().fullmatch(text, hit.start, hit.end)]
    for lead in _VENUE_LEAD.finditer(text):
        if _REPORTER_BASE.search(text, max(0, lead.start() - 40), lead.start()) \
                or _SCENE_OF_EVENTS.search(text, max(0, lead.start() - _SCENE_CHARS), lead.start()):
            continue
        position = lead.end()
        if not _names_place(text, hits, position):
            if (building := _NAMED_BUILDING.match(text, position)) and _names_place(text, hits, building.end()):
                position = building.end()
            elif (described := _DESCRIBED_PLACE.match(text, position)) and _venue_pattern().match(text, described.end()):
                position = described.end()  # "tại pháo đài cổ Queenscliff": a known venue after words describing it
        # "tại Thành phố Hồ Chí Minh": the gazetteer may hold the name with its "Thành phố".
        kind = "capital" if lead.group("capital") else "town" if lead.group("town") else None
        venue = (kind and _venue_pattern().match(text, lead.start(kind))) or _venue_pattern().match(text, position)
        if venue and (building := _BUILDING_NAMED_AFTER.match(text, venue.end())):
            # "tại Hyderabad House, thủ đô New Delhi": a building named after a city, then the city it stands in
            venue = _venue_pattern().match(text, building.end())
        if venue:
            options.append((lead.start(), Location(venue.group(), _venues()[venue.group()])))
            continue
        if kind == "capital" and (capital := _capital_of(text, hits, lead.end())):
            options.append((lead.start(), capital))
            continue
        country = next((h for h in hits if h.start == position), None) or _seat_country(text, hits, position)
        if country:
            options.append((lead.start(), Location(None, country.code)))
        elif _OWN_MINISTRY.match(text, position) and any(h.code == "VNM" for h in hits):
            options.append((lead.start(), Location(None, "VNM")))
        # "tại thị trấn ven biển Queenscliff thuộc bang Victoria, Australia": a town the gazetteer does not know,
        # named as one, and the country the text places it in.
        elif kind == "town" and (city := _CITY_NAME.match(text, position)):
            options.append((lead.start(), Location(city.group(), _placed_in(text, hits, city.end()))))
        # "tại Luang Prabang (Lào)": a place the gazetteer does not know, with its country in brackets.
        elif (city := _CITY_NAME.match(text, position)) \
                and (bracketed := _placed_in(text, hits, city.end(), _IN_BRACKETS)):
            options.append((lead.start(), Location(city.group(), bracketed)))
    return options


_GENITIVE_WORD = re.compile(r"(?:của\s+)?(?:nước\s+)?")


def _capital_of(text: str, hits: Sequence[CountryHit], position: int) -> Location | None:
    """"tại thủ đô của Mỹ", "ở thủ đô Nhật Bản", "tại thủ đô nước Mỹ": the capital of the country named."""
    after = _GENITIVE_WORD.match(text, position).end()
    country = next((h for h in hits if h.start == after), None)
    city = _capitals().get(country.code) if country else None
    return Location(city, country.code) if city else None


def _placed_in(text: str, hits: Sequence[CountryHit], end: int, link: re.Pattern[str] | None = None) -> str | None:
    """The country named right after a town ("Queenscliff thuộc bang Victoria, Australia", "Portsmouth của Anh"); with
    `link` `_IN_BRACKETS`, only a country alone in brackets ("Luang Prabang (Lào)")."""
    country = next((h for h in hits if end <= h.start <= end + _PLACED_IN_CHARS), None)
    if country is None or not (link or _PLACED_IN).fullmatch(text, end, country.start):
        return None
    return country.code if link is not _IN_BRACKETS or _CLOSING_BRACKET.match(text, country.end) else None


_IN_BRACKETS = re.compile(r"\s*\(\s*")
_CLOSING_BRACKET = re.compile(r"\s*\)")


def _names_place(text: str, hits: Sequence[CountryHit], position: int) -> bool:
    return bool(_venue_pattern().match(text, position)) or any(h.start == position for h in hits)


def _seat_country(text: str, hits: Sequence[CountryHit], position: int) -> CountryHit | None:
    """The country whose ministry's seat the venue is ("tại trụ sở Bộ Quốc phòng Nhật Bản")."""
    country = next((h for h in hits if position < h.start <= position + _MAX_SEAT_CHARS), None)
    if country is None or not text[position:country.start].strip():
        return None
    seat = _SEAT_OF.fullmatch(text, position, country.start)
    return country if seat and seat.group().strip() else None


def _location(options: Sequence[tuple[int, Location]], start: int, end: int, left: int, right: int) -> Location:
    if not options:
        return Location()
    in_clause = [o for o in options if left <= o[0] < right] or options
    nearest = min(in_clause, key=lambda o: o[0] - end if o[0] >= end else (start - o[0]) * 2)[1]
    if nearest.city is None:
        # "tại trụ sở Bộ Ngoại giao Mỹ ở Washington": the city the same clause names in that country.
        return next((o[1] for o in in_clause if o[1].city and o[1].country == nearest.country), nearest)
    return nearest


def _venue_before(text: str, hits, position: int) -> Location:
    window_start = max(0, position - 30)
    venues = [m for m in _venue_pattern().finditer(text, window_start, position)]
    if venues:
        return Location(venues[-1].group(), _venues()[venues[-1].group()])
    return Location()


# "Washington (TTXVN) - ...", "Tokyo, 14/6 (VNA) - ...", "Theo phóng viên TTXVN tại Tokyo, ...": where the news is
# filed from.
_DATELINE_CITY = re.compile(r"(?:[^\s,]{2,20}\s*[-–]\s*)?(?:Theo phóng viên \S+ tại\s+)?(?P<city>[^\W\d][^,(]{1,30}?)"
                            r"\s*(?:,|\(|\s[-–])")


def dateline_city(lead: str) -> Location | None:
    """The city the article's lead is filed from, when the gazetteer knows it."""
    found = _DATELINE_CITY.match(lead)
    venue = found and _venue_pattern().fullmatch(found.group("city").strip())
    return Location(venue.group(), _venues()[venue.group()]) if venue else None


def with_dateline_city(location: Location, dateline: Location | None) -> Location:
    """"... tại trụ sở Bộ Ngoại giao Mỹ" in a story filed from Washington: the meeting's country gets the city the
    story is filed from when that city is in it."""
    if location.city is None and location.country and dateline and dateline.country == location.country:
        return dateline
    return location
