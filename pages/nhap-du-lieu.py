"""Nhập dữ liệu: upload articles (.txt, .html, .jsonl, .zip) and an optional manifest into the current store."""

from pathlib import Path

import pandas as pd
import streamlit as st

from components import data, ui, upload_limits
from components.i18n import t, value_label
from components.views import plain_markdown

MAX_FILES = upload_limits.MAX_SESSION_FILES
TYPES = ["txt", "html", "jsonl", "zip"]
BATCH_KEY = "import_batch"

ctx = ui.context()
lang = ctx.lang
st.title(t("page_import", lang))

# After an import the uploaders get new keys, so that the next run draws them empty (see release below).
batch = st.session_state.get(BATCH_KEY, 0)
suffix = f"_{batch}" if batch else ""
limits = t("upload_limits", lang, files=MAX_FILES, file_mb=st.get_option("server.maxUploadSize"),
           session_mb=upload_limits.Budget.from_env().max_session_bytes // upload_limits.MIB)
uploads = st.file_uploader(t("upload", lang), type=TYPES, accept_multiple_files=True, key=f"import_files{suffix}",
                           help=limits)
manifest = st.file_uploader(t("manifest", lang), type=["csv"], key=f"import_manifest{suffix}")
st.caption(limits)
names = [Path(upload.name).name for upload in uploads]
problems = []
if len(uploads) > MAX_FILES:
    problems.append(t("too_many_files", lang, limit=MAX_FILES, n=len(uploads)))
wrong_type = [name for name in names if Path(name).suffix.lower().lstrip(".") not in TYPES]
if wrong_type:
    problems.append(t("wrong_type", lang, names=plain_markdown(", ".join(wrong_type))))
twice = sorted({name for name in names if names.count(name) > 1})
if twice:
    problems.append(t("same_name", lang, names=plain_markdown(", ".join(twice))))
for problem in problems:
    st.error(problem)


def save(folder: Path) -> tuple[list[Path], Path | None]:
    """Writes the uploads under their own (base) names into `folder`."""
    paths = [folder / name for name in names]
    for upload, path in zip(uploads, paths):
        path.write_bytes(upload.getvalue())
    manifest_path = None
    if manifest is not None:
        manifest_path = folder / "manifest.csv"
        manifest_path.write_bytes(manifest.getvalue())
    return paths, manifest_path


if st.button(t("run_import", lang), key="import_run", type="primary", disabled=not uploads or bool(problems)):
    bar = st.progress(0.0)

    def show(done: int, total: int, name: str) -> None:
        shown = plain_markdown(data.shown_file(name)) if name else ""
        bar.progress(min(done / max(total, 1), 1.0), text=t("parsing", lang, name=shown, done=done, total=total))

    def waiting(holder: str) -> None:
        bar.progress(0.0, text=t("store_busy", lang, holder=holder))

    paths, manifest_path = save(data.upload_dir())
    upload_limits.release([*uploads, manifest])  # saved: the server need not hold them any longer
    st.session_state[BATCH_KEY] = batch + 1
    report = data.import_files(paths, manifest_path, show, on_wait=waiting)
    bar.empty()
    st.success(t("import_done", lang))
    st.subheader(t("import_report", lang))
    rows = pd.DataFrame(
        [(data.shown_file(f.file), value_label(f.status, lang), f.n_articles, f.already_stored,
          "; ".join(problem.replace(f"{Path(f.file).parent}/", "") for problem in f.problems))
         for f in report.files],
        columns=[t("file", lang), t("status", lang), t("articles", lang), t("already_stored", lang), t("problem", lang)],
    )
    ui.table(rows, "nhap-du-lieu", "import_report", lang)
