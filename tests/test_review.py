"""Review in the preview (issue 20): decisions become lines of _overrides.yaml,
safely; the site shows what was decided; `sitegen check` lists what is left."""

from __future__ import annotations

import http.client
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sitegen.config import load_config
from sitegen.review import Desk, replace_block
from sitegen.serve import PreviewServer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SARAQIB = "001_a1a39c06a4cbffd7-airstrike-saraqib"
MONTH = "/en/months/2020-02-28.html"


def test_a_decision_replaces_its_block_and_keeps_the_rest() -> None:
    text = (
        "# the team's corrections\nA-1:\n  drop: true  # not an incident\n\nB-2:\n  type: battle\n"
    )
    out = replace_block(text, "A-1", {"confirmed": True})
    assert out.startswith("# the team's corrections\nA-1:\n  confirmed: true\n\nB-2:")
    assert "type: battle" in out
    added = replace_block(out, "C-3", {"killed": 4})
    assert added.endswith("C-3:\n  killed: 4\n") and yaml.safe_load(added)["B-2"] == {
        "type": "battle"
    }


def test_the_desk_checks_the_token_and_the_values(tmp_path: Path) -> None:
    desk = Desk(tmp_path / "_overrides.yaml", "Lina")
    assert desk.decide({"token": "forged", "action": "confirm", "id": "A-1"})[0] == 403
    assert not desk.overrides.exists()
    ok = {"token": desk.token, "id": "A-1"}
    assert desk.decide({**ok, "action": "edit", "values": {"date": "2020-13-40"}})[0] == 400
    assert desk.decide({**ok, "action": "edit", "values": {"type": "party"}})[0] == 400
    assert desk.decide({**ok, "action": "edit", "values": {"killed": -3}})[0] == 400
    assert desk.decide({**ok, "action": "drop everything"})[0] == 400
    assert not desk.overrides.exists()
    assert desk.decide({**ok, "action": "confirm"})[0] == 200
    entry = yaml.safe_load(desk.overrides.read_text(encoding="utf-8"))["A-1"]
    assert entry["confirmed"] is True and entry["by"] == "Lina" and entry["at"].endswith("Z")
    assert desk.decide({**ok, "action": "reject"})[0] == 200  # a later decision replaces it
    entry = yaml.safe_load(desk.overrides.read_text(encoding="utf-8"))["A-1"]
    assert entry.get("drop") is True and "confirmed" not in entry
    assert desk.decide({"token": desk.token, "action": "undo"})[0] == 200
    assert yaml.safe_load(desk.overrides.read_text(encoding="utf-8"))["A-1"]["confirmed"] is True
    assert desk.decide({"token": desk.token, "action": "undo"})[0] == 200
    assert not desk.overrides.exists()  # back to no file at all


@pytest.fixture
def reviewing(tmp_path: Path) -> Iterator[PreviewServer]:
    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("_*"))
    config = load_config(tmp_path, reviewer="Lina")
    server = PreviewServer(config, port=0, say=lambda _: None, quiet=0.05, review=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def request(
    server: PreviewServer, method: str, path: str, body: object = None, host: str = ""
) -> tuple[int, bytes]:
    assert server.httpd is not None
    port = server.httpd.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Host": host or f"127.0.0.1:{port}", "Content-Type": "application/json"}
    conn.request(method, path, body=data, headers=headers)
    r = conn.getresponse()
    return r.status, r.read()


def test_review_is_refused_off_the_loopback_address(tmp_path: Path) -> None:
    from sitegen.serve import ReviewError

    with pytest.raises(ReviewError):
        PreviewServer(load_config(tmp_path), host="0.0.0.0", review=True)


def test_forged_and_rebound_requests_change_nothing(reviewing: PreviewServer) -> None:
    path = reviewing.config.source_dir / "_overrides.yaml"
    decision = {"action": "confirm", "id": SARAQIB}
    assert request(reviewing, "POST", "/__sitegen__/review", decision)[0] == 403
    assert request(reviewing, "POST", "/__sitegen__/review", {**decision, "token": "x"})[0] == 403
    desk = reviewing.preview.review
    assert desk is not None
    rebound = {**decision, "token": desk.token}
    assert (
        request(reviewing, "POST", "/__sitegen__/review", rebound, host="evil.example:80")[0] == 421
    )
    assert request(reviewing, "GET", MONTH, host="evil.example")[0] == 421
    assert not path.exists()
    status, page = request(reviewing, "GET", MONTH)
    assert status == 200 and desk.token.encode() in page and b"/__sitegen__/review.js" in page


def test_a_decision_is_written_and_the_page_rebuilt(reviewing: PreviewServer) -> None:
    desk = reviewing.preview.review
    assert desk is not None
    seen = reviewing.preview.state.version
    decision = {"action": "confirm", "id": SARAQIB, "token": desk.token}
    assert request(reviewing, "POST", "/__sitegen__/review", decision)[0] == 200
    assert reviewing.preview.wait(seen, 30) is not None  # the watcher saw the file
    page = request(reviewing, "GET", MONTH)[1].decode()
    card = page[page.index(f'id="{SARAQIB}"') :]
    assert "Confirmed by an analyst (<bdi>Lina</bdi>" in card[: card.index("</article>")]


def test_check_lists_what_is_left_to_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitegen.cli import main

    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("_*"))
    (tmp_path / "seeds" / "_overrides.yaml").write_text(
        f"{SARAQIB}:\n  confirmed: true\n", encoding="utf-8"
    )
    main(["--root", str(tmp_path), "check", "--review"])
    out = capsys.readouterr().out
    todo = [ln for ln in out.splitlines() if ": to review: " in ln]
    assert todo and SARAQIB not in out
    killed = [
        int(ln.split(": ")[-1].split(" killed")[0].split()[-1]) for ln in todo if " killed" in ln
    ]
    assert todo[0].split(": ", 3)[-1].count("killed") == 1  # deaths first
    assert killed == sorted(killed, reverse=True)


def test_confirmed_only_publishes_the_confirmed(tmp_path: Path) -> None:
    from sitegen.build import analyse

    shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("_*"))
    (tmp_path / "seeds" / "_overrides.yaml").write_text(
        f"{SARAQIB}:\n  confirmed: true\n", encoding="utf-8"
    )
    analysis = analyse(load_config(tmp_path, review="confirmed-only"))
    assert [i.id for x in analysis.extractions for i in x.incidents] == [SARAQIB]
