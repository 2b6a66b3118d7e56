"""`kyoju ask` output: a too-long question is cut with a notice, and a streamed block is replaced whole."""

from app.cli import erase_block, main


def test_erase_block_climbs_every_row_the_stream_took():
    # 20 columns of full-width text on a 10-column terminal take two rows, then one more line
    assert erase_block("あいうえおかきくけこ\nxyz", 10) == "\r\033[2A\033[J"
    assert erase_block("one line", 80) == "\r\033[J"
    assert erase_block("a\nb\nc\n", 80) == "\r\033[3A\033[J"  # the cursor sits on the empty line after the last


def test_long_question_is_cut_with_a_notice_in_both_languages(built, monkeypatch, capsys):
    from app.settings import get_settings

    s = built[0]
    for key, value in {"KYOJU_INDEX_DIR": str(s.index_dir), "KYOJU_CORPUS_DIR": str(s.corpus_dir),
                       "KYOJU_EMBEDDING_MODEL": s.embedding_model}.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        question = "協力不動産店のリストを公開している県はありますか。" + "　" * 2500
        assert main(["ask", question]) == 0
    finally:
        get_settings.cache_clear()
    out = capsys.readouterr()
    assert "first 2000" in out.err and "最初の 2000 文字" in out.err
    assert "協力不動産店" in out.out and "出典" in out.out
