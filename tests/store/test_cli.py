"""The ingest command's feedback: progress on stderr and the closing summary."""

import io

from newsfacts.commands.ingest import ProgressBar
from newsfacts.store import load_tables
from tests.store.conftest import run_cli, write_corpus


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_off_a_terminal_prints_about_one_line_per_tenth():
    stream = io.StringIO()
    bar = ProgressBar(stream)
    for done in range(0, 201):
        bar(done, 200, f"f{done}.txt")
    lines = stream.getvalue().splitlines()
    assert lines[0] == "ingest: 0/200 files (0%)" and lines[-1] == "ingest: 200/200 files (100%)"
    assert len(lines) == 11 and "\r" not in stream.getvalue()


def test_progress_on_a_terminal_rewrites_one_line():
    stream = Terminal()
    bar = ProgressBar(stream, width=10)
    for done in range(0, 5):
        bar(done, 4, f"/data/f{done}.txt")
    text = stream.getvalue()
    assert text.count("\r") == 5 and text.endswith("\n") and text.count("\n") == 1
    assert "[#####.....] 2/4 f2.txt" in text


def test_the_summary_names_counts_and_every_problem(tmp_path):
    corpus = write_corpus(tmp_path / "c", 3)
    (corpus / "broken.jsonl").write_text('{"title": "x", "text": "Mỹ và Ấn Độ"}\nnot json\n', encoding="utf-8")
    result = run_cli("ingest", str(corpus), "--out", str(tmp_path / "store"), check_code=1)
    assert "files: 4 read, 0 unchanged, 0 removed, 0 skipped" in result.stdout
    assert "articles: 4 new" in result.stdout
    problem = next(line for line in result.stdout.splitlines() if "broken.jsonl:" in line)
    assert "2" in problem.split("broken.jsonl:", 1)[1]
    assert "ingest: 4/4 files (100%)" in result.stderr

    again = run_cli("ingest", str(corpus), "--out", str(tmp_path / "store"), check_code=0)
    assert "files: 0 read, 4 unchanged" in again.stdout
    files = load_tables(tmp_path / "store")["files"]
    assert files.set_index("file").loc[str(corpus / "broken.jsonl"), "error"] == problem.split("broken.jsonl:", 1)[1].strip()


def test_prune_flag_removes_a_deleted_file(tmp_path):
    corpus = write_corpus(tmp_path / "c", 2)
    store = str(tmp_path / "store")
    run_cli("ingest", str(corpus), "--out", store, check_code=0)
    (corpus / "gen_00001.txt").unlink()
    kept = run_cli("ingest", str(corpus), "--out", store, check_code=0)
    assert "0 removed" in kept.stdout and len(load_tables(tmp_path / "store")["articles"]) == 2
    pruned = run_cli("ingest", str(corpus), "--out", store, "--prune", check_code=0)
    assert "1 removed" in pruned.stdout
    assert [name.rsplit("/", 1)[-1] for name in load_tables(tmp_path / "store")["articles"]["file"]] == ["gen_00000.txt"]
