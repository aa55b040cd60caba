"""User trial s30: on a terminal an error line was written onto the progress bar's line
(``[####] 4/4 articles 1.4/spresslens: error: empty.txt: ...``)."""

from __future__ import annotations

import pytest

from presslens.outputs import Progress, say_error, say_note


def screen(stream: str) -> list[str]:
    """What a terminal shows for ``stream``: CR returns to the start of the line, LF opens the next one, other
    characters overwrite; trailing blanks dropped."""
    lines: list[list[str]] = [[]]
    col = 0
    for ch in stream:
        if ch == "\r":
            col = 0
        elif ch == "\n":
            lines.append([])
            col = 0
        else:
            line = lines[-1]
            if col < len(line):
                line[col] = ch
            else:
                line.append(ch)
            col += 1
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()]


@pytest.mark.parametrize("say", [say_error, say_note])
def test_an_error_during_a_bar_gets_its_own_line(capsys: pytest.CaptureFixture[str], say) -> None:
    bar = Progress(4, enabled=True)
    bar.advance()
    bar.advance()
    say("/data/empty.txt: empty file (no visible text)")
    bar.advance()
    bar.advance()
    bar.close()
    err = capsys.readouterr().err
    shown = screen(err)
    kind = "error" if say is say_error else "note"
    assert shown[0] == f"presslens: {kind}: /data/empty.txt: empty file (no visible text)", shown
    assert len(shown) == 2 and shown[1].startswith("[##############################] 4/4 articles"), shown


def test_an_error_before_any_bar_and_after_close_is_untouched(capsys: pytest.CaptureFixture[str]) -> None:
    say_error("nope.txt: no such file or directory")
    bar = Progress(1, enabled=True)
    bar.advance()
    bar.close()
    say_error("later.txt: empty file (no visible text)")
    err = capsys.readouterr().err
    assert err.startswith("presslens: error: nope.txt: no such file or directory\n")
    assert err.endswith("\npresslens: error: later.txt: empty file (no visible text)\n")
    assert screen(err)[1].startswith("[#") and len(screen(err)) == 3


def test_no_bar_when_disabled_and_errors_plain(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progress(3, enabled=False)
    bar.advance()
    say_error("x.txt: looks like a binary file, not text")
    bar.close()
    assert capsys.readouterr().err == "presslens: error: x.txt: looks like a binary file, not text\n"
