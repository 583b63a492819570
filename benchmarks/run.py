"""Every benchmark in one command, printed as Markdown tables for docs/benchmarks.md.

    python -m benchmarks.run [--sizes 1000,10000,100000] [--quick] [--no-browser] [--keep DIR]

Machine and load; parse time per article over the repository corpus (wall and CPU); ingest of generated text
and HTML corpora with 1 and 2 workers (articles/s, MB/s, CPU, peak memory, store size); then, on each 1-worker
text store, the dashboard measured server-side with Streamlit's AppTest in a child process (first render of each
page, a country filter change, chart marks, peak memory) and end to end in Chromium against `streamlit run`
(first render, filter change, server peak memory). `--quick` means 1,000 articles only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.bench_ingest import folder_bytes, run_in_child
from benchmarks.bench_parse import DEFAULT_FOLDERS, load_articles, time_parses
from benchmarks.generate import write_corpus

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("app.py", "pages/doi-thoai.py", "pages/ban-do.py", "pages/thuong-vu.py", "pages/bai-bao.py",
         "pages/nhap-du-lieu.py")
FILTER_KEY = "f_countries"
FILTER_VALUE = "USA"
FORMATS = ("txt", "html")


def _proc_field(path: str, name: str) -> str:
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return "?"
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(name)), "?")


def machine() -> list[str]:
    ram_gb = int(_proc_field("/proc/meminfo", "MemTotal").split()[0]) / 1024**2 if os.path.exists("/proc/meminfo") else 0
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return [
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {_proc_field('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores available",
        f"- RAM: {ram_gb:.1f} GB; Python {platform.python_version()} ({platform.system()} {platform.release()})",
        f"- Load average (1/5/15 min) at start: {load}",
    ]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def parse_table(repeat: int) -> list[str]:
    articles = load_articles([ROOT / f for f in DEFAULT_FOLDERS if (ROOT / f).exists()])
    cpu_started = time.process_time()
    timings = time_parses(articles, repeat)
    cpu_ms = (time.process_time() - cpu_started) * 1000 / (len(articles) * (repeat + 1))
    ms = [t * 1000 for t in timings]
    size = sum(len(a.text.encode()) for a in articles) / len(articles) / 1000
    return [
        "| articles | mean size | parses | wall mean | wall p50 | wall p95 | CPU mean | articles/s (CPU) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {len(articles)} | {size:.1f} KB | {len(ms)} | {sum(ms) / len(ms):.2f} ms | {_percentile(ms, 0.5):.2f} ms "
        f"| {_percentile(ms, 0.95):.2f} ms | {cpu_ms:.2f} ms | {1000 / cpu_ms:.0f} |",
    ]


def ingest_rows(size: int, base: Path, formats: Sequence[str] = FORMATS) -> tuple[list[str], Path]:
    """One row per format and worker count; returns the rows and the 1-worker text store."""
    rows = []
    for fmt in formats:
        corpus = write_corpus(base / f"corpus-{fmt}-{size}", size, fmt)
        input_mb = folder_bytes(corpus) / 1e6
        for workers in (1, 2):
            store = base / f"store-{fmt}-{size}-{workers}"
            shutil.rmtree(store, ignore_errors=True)  # a store kept by --keep would make this a no-op ingest
            figures = run_in_child(corpus, store, workers)
            seconds, articles = figures["seconds"], figures["articles"]
            rows.append(
                f"| {size:,} | {fmt} | {input_mb:.1f} | {workers} | {articles / seconds:,.0f} | {input_mb / seconds:.2f} "
                f"| {seconds:.1f} | {figures['cpu_seconds']:.1f} | {articles / figures['cpu_seconds']:,.0f} "
                f"| {figures['peak_mb']:.0f} | {figures['worker_peak_mb']:.0f} | {folder_bytes(store) / 1e6:.1f} |"
            )
    return rows, base / f"store-txt-{size}-1"


INGEST_HEAD = [
    "| articles | input | MB in | workers | articles/s (wall) | MB/s | wall s | CPU s | articles per CPU s "
    "| peak MB | worker peak MB | store MB |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]


def chart_marks(at) -> int:
    """Rows of data sent with every Vega-Lite chart of the page (one mark each; the map's are its country values)."""
    from tests.app.vega import rows_sent

    return rows_sent(at)


def measure_dashboard(store: Path) -> dict:
    """In this (child) process: each page's first render in a fresh session, then a country filter change."""
    os.environ["NEWSFACTS_STORE"] = str(store)
    sys.path.insert(0, str(ROOT))
    from streamlit.testing.v1 import AppTest

    pages = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        if page != "app.py":
            at.switch_page(page)
        started = time.perf_counter()
        at.run()
        first = time.perf_counter() - started
        errors = [str(e.value)[:80] for e in at.exception]
        change = None
        if not errors and any(w.key == FILTER_KEY for w in at.multiselect):
            started = time.perf_counter()
            at.multiselect(key=FILTER_KEY).set_value([FILTER_VALUE]).run()
            change = time.perf_counter() - started
            errors = [str(e.value)[:80] for e in at.exception]
        pages[page] = {"first": first, "change": change, "errors": errors, "marks": chart_marks(at)}
    return {"pages": pages, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def dashboard_rows(size: int, store: Path) -> list[str]:
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--dashboard", str(store)],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout
    figures = json.loads(output.splitlines()[-1])
    rows = []
    for page, timing in figures["pages"].items():
        change = f"{timing['change'] * 1000:,.0f} ms" if timing["change"] is not None else "no filter"
        note = "; ".join(timing["errors"]) or ""
        rows.append(f"| {size:,} | {page} | {timing['first']:.2f} s | {change} | {timing['marks']:,} | {note} |")
    rows.append(f"| {size:,} | (server process peak memory) | {figures['peak_mb']:,.0f} MB | | | |")
    return rows


DASHBOARD_HEAD = [
    "| articles | page | first render (server) | filter change (server) | chart marks after the change | errors |",
    "|---:|---|---:|---:|---:|---|",
]


BROWSER_PAGES = ("", "doi-thoai", "ban-do", "thuong-vu", "bai-bao", "nhap-du-lieu")
_SCRIPT_STATE = "document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state')"


_WATCH_RUNS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    window.newsfactsRunSeen = false;
    new MutationObserver(records => {
        if (records.some(r => r.oldValue === 'running') || app.getAttribute('data-test-script-state') === 'running') {
            window.newsfactsRunSeen = true;
        }
    }).observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
}"""


def _wait_for_first_run(page, timeout_ms: int = 600_000) -> None:
    """Until the page's first script run has finished: its title is drawn once the run has started."""
    page.locator("h1").first.wait_for(timeout=timeout_ms)
    page.wait_for_function(f"() => {_SCRIPT_STATE} === 'notRunning'", timeout=timeout_ms)


def _watch_runs(page) -> None:
    """Notes the next script run as soon as it starts, however short it is; `_wait_for_watched_run` waits for its end."""
    page.evaluate(_WATCH_RUNS)


def _wait_for_watched_run(page, timeout_ms: int = 600_000) -> None:
    page.wait_for_function(f"() => window.newsfactsRunSeen && {_SCRIPT_STATE} === 'notRunning'", timeout=timeout_ms)


_EVERY_ELEMENT_DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].every(
        chart => chart.querySelector('svg .role-mark, canvas'))
    && [...document.querySelectorAll('[data-testid="stDataFrame"]')].every(grid => grid.querySelector('canvas'))"""


def _wait_until_painted(page) -> None:
    """Until every chart and data grid of the page is drawn (their code loads lazily, while the main thread idles)
    and then the browser's main thread has been idle twice in a row."""
    page.wait_for_function(_EVERY_ELEMENT_DRAWN, timeout=60_000, polling=50)
    page.evaluate("() => new Promise(done => requestIdleCallback(() => requestIdleCallback(done), {timeout: 60000}))")


def _drawn(locator, timeout_ms: int = 15_000) -> bool:
    """Whether `locator` appears within the timeout: a page's first run can finish before its sidebar is drawn."""
    try:
        locator.wait_for(timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: the page has no such element
        return False
    return True


def _peak_rss_mb(pid: int) -> float:
    return int(_proc_field(f"/proc/{pid}/status", "VmHWM").split()[0]) / 1024


def browser_rows(size: int, store: Path, log_dir: Path) -> list[str]:
    """Each page opened in Chromium (navigation to its title drawn, the script run finished and the browser idle),
    then a country chosen in the sidebar, once `serve.py` has loaded the store at start-up as it does for users.

    The filter change is timed from the click on the sidebar's country box to the end of the script run and the
    browser idle again (the charts redrawn). The first page of the browser session also pays for loading the
    country box's code on its first opening.
    """
    from playwright.sync_api import sync_playwright

    from components.i18n import country_label, t
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.robustness.support import streamlit_server, warm_up_line

    rows = []
    log_path = log_dir / f"server-{size}.log"
    with streamlit_server(store, log_path) as (url, server), sync_playwright() as playwright:
        started = time.perf_counter()
        warmed = warm_up_line(log_path)
        rows.append(f"| {size:,} | (server start: store loaded in the background) | {time.perf_counter() - started:.2f} s "
                    f"after the server answered | | {warmed.strip() or 'no warm-up line in the log'} |")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        for path in BROWSER_PAGES:
            page = context.new_page()
            page.set_default_timeout(600_000)
            started = time.perf_counter()
            page.goto(f"{url}/{path}")
            _wait_for_first_run(page)
            _wait_until_painted(page)
            first = time.perf_counter() - started
            change = "no filter"
            box = page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=t("countries", "vi"), exact=True)
            if _drawn(box):
                _watch_runs(page)
                started = time.perf_counter()
                box.click()
                box.fill(f"({FILTER_VALUE})")
                page.get_by_role("option", name=f"{country_label(FILTER_VALUE, 'vi')} ({FILTER_VALUE})").click()
                _wait_for_watched_run(page)
                _wait_until_painted(page)
                change = f"{(time.perf_counter() - started) * 1000:,.0f} ms"
            rows.append(f"| {size:,} | /{path} | {first:.2f} s | {change} | |")
            page.close()
        rows.append(f"| {size:,} | (streamlit server peak memory, VmHWM) | {_peak_rss_mb(server.pid):,.0f} MB | | |")
        browser.close()
    return rows


BROWSER_HEAD = [
    "| articles | page | first render (browser) | filter change (browser) | notes |",
    "|---:|---|---:|---:|---|",
]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--dashboard"]:
        print(json.dumps(measure_dashboard(Path(argv[1]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    parser.add_argument("--quick", action="store_true", help="1,000 articles only")
    parser.add_argument("--repeat", type=int, default=3, help="timed parse rounds over the corpus (default 3)")
    parser.add_argument("--keep", type=Path, help="write corpora and stores here instead of a temporary folder")
    parser.add_argument("--no-browser", action="store_true", help="skip the end-to-end timings in Chromium")
    parser.add_argument("--formats", default=",".join(FORMATS), help="input formats to ingest (default: all)")
    args = parser.parse_args(argv)
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    print("## Machine\n", *machine(), sep="\n", flush=True)
    print("\n## Parse (repository corpus, one core)\n", *parse_table(args.repeat), sep="\n", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        ingest, dashboard, browser = [], [], []
        for size in sizes:
            rows, store = ingest_rows(size, base, [f for f in args.formats.split(",") if f in FORMATS])
            ingest += rows
            print(f"\n### Ingest, {size:,} articles\n", *INGEST_HEAD, *rows, sep="\n", flush=True)
            rows = dashboard_rows(size, store)
            dashboard += rows
            print(f"\n### Dashboard, {size:,} articles\n", *DASHBOARD_HEAD, *rows, sep="\n", flush=True)
            if not args.no_browser:
                rows = browser_rows(size, store, base)
                browser += rows
                print(f"\n### Browser, {size:,} articles\n", *BROWSER_HEAD, *rows, sep="\n", flush=True)
    print("\n## Ingest (generated corpus)\n", *INGEST_HEAD, *ingest, sep="\n")
    print("\n## Dashboard (AppTest, server side)\n", *DASHBOARD_HEAD, *dashboard, sep="\n")
    if browser:
        print("\n## Dashboard (Chromium, end to end)\n", *BROWSER_HEAD, *browser, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
