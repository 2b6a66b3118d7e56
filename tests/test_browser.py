"""The chat in real headless Chromium (Debian's, driven by Playwright; no browser download), desktop and phone.

One `kyoju serve` for the module; each test opens a fresh page (a fresh conversation id).
Screenshots go to tests/artifacts/ for a person to look at.
"""

import pytest
from browser_kit import ARTIFACTS, Server, launch
from playwright.sync_api import TimeoutError as PlaywrightTimeout

TABLE_Q = "令和3年度に5回以上開いた県はいくつ"
REFUSED_Q = "東京都の居住支援協議会の事務局の電話番号を教えてください。"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    srv = Server(built[0], tmp_path_factory.mktemp("serve"))
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        ctx = launch(pw, tmp_path_factory.mktemp("profile"))
        yield ctx
        ctx.close()


@pytest.fixture()
def page(browser, server):
    p = browser.new_page()
    p.set_default_timeout(60_000)
    p.goto(server.url)
    p.get_by_text("市区町村職員の方へ").wait_for()
    yield p
    p.close()


def ask(page, question: str, n: int) -> None:
    """Type and send a question, then wait for answer number n (its feedback row appears with it)."""
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.locator(f".st-key-fb-up-{2 * n - 1}").wait_for()


def shot(page, name: str) -> None:
    """A screenshot of the whole chat (Streamlit scrolls inside its own container, so grow the window)."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": 2400})
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / name))
    page.set_viewport_size(size)


def truncated_labels(page) -> list[str]:
    """Texts of buttons and labels whose words are cut (clipped or ending in an ellipsis) rather than wrapped."""
    return page.evaluate("""() => {
      const out = [];
      for (const el of document.querySelectorAll('button, button *, label, label *, [data-testid="stCaptionContainer"]')) {
        const s = getComputedStyle(el);
        if (!el.innerText || s.display === 'none' || el.offsetParent === null) continue;
        const cut = el.scrollWidth > el.clientWidth + 1 && ['hidden', 'clip'].includes(s.overflowX);
        if (cut || (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)) out.push(el.innerText);
      }
      return out;
    }""")


def test_table_answer_links_marker_to_card_and_marks_the_cell(page):
    page.screenshot(path=str(ARTIFACTS / "first-screen.png"))
    ask(page, TABLE_Q, 1)
    hit = page.locator(".kj-table .kj-hit")
    assert hit.count() == 1 and hit.inner_text().strip() == "3"  # the cell that gave 「3県」
    assert page.locator(".kj-table .kj-colhead").first.inner_text().strip() == "5回以上"
    assert "列1" not in page.locator(".kj-table").first.inner_text()  # real header names
    assert "単位：県" in page.locator(".kj-card").first.inner_text()
    ref = page.locator("a.kj-ref").first
    target = ref.get_attribute("href")
    assert target and target.startswith("#")
    # Streamlit may still be re-rendering the answer when it first shows (a click then lands on a node it is
    # replacing): click again until the location follows the marker, a few times at most
    for attempt in range(3):
        ref = page.locator("a.kj-ref").first
        ref.click()
        try:
            page.wait_for_function("h => location.hash === h", arg=target, timeout=15000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    card = page.locator(target)
    box, view = card.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] < view["height"], "the marker scrolled its card into view"
    shot(page, "chat-answer.png")


def test_reload_keeps_the_conversation_and_double_submit_asks_once(page):
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("協力不動産店のリストを公開している県はありますか。")
    box.press("Enter")
    box.press("Enter")  # an impatient second Enter
    page.get_by_test_id("stChatInputSubmitButton").click(force=True)
    page.locator(".st-key-fb-up-1").wait_for()
    page.wait_for_timeout(1500)  # a duplicate would be answered by now
    assert page.locator(".kj-question").count() == 1
    page.reload()
    page.locator(".kj-question", has_text="協力不動産店").wait_for()
    page.locator(".kj-answer").first.wait_for()  # the page renders the question before its answer
    assert page.locator(".kj-answer").count() == 1 and "?c=" in page.url


def test_refusal_offers_passages_coverage_and_rephrasings(page):
    ask(page, REFUSED_Q, 1)
    assert page.locator(".kj-refusal").is_visible()
    assert page.locator("details.kj-related[open]").count() >= 1  # nearest passages shown open
    assert "登録されている資料が扱う範囲" in page.inner_text("body")
    suggestions = page.locator("[class*='st-key-sugg-'] button")
    assert suggestions.count() >= 2
    shot(page, "chat-refusal.png")
    suggestions.first.click()
    page.locator(".st-key-fb-up-3").wait_for()
    assert page.locator(".kj-answer").count() == 1, "the suggested rephrasing is answered, not refused again"


def test_active_filter_shows_a_chip_and_warns_when_it_hides_evidence(page):
    page.locator(".st-key-f_secs input").click()
    page.get_by_role("option", name="居住支援協議会以外の都道府県による支援").click()
    page.keyboard.press("Escape")
    page.locator(".kj-chip", has_text="節:").wait_for()
    ask(page, TABLE_Q, 1)
    assert page.get_by_text("絞り込みの外に").count() >= 1
    assert page.locator(".st-key-clear-filters button").is_visible()


def test_admin_section_holds_the_rebuild_button(page):
    admin = page.get_by_test_id("stExpander").filter(has_text="管理")
    assert not page.locator(".st-key-rebuild").is_visible()  # collapsed by default
    admin.locator("summary").click()
    page.locator(".st-key-rebuild").wait_for()
    assert admin.locator(".st-key-rebuild").count() == 1


def test_phone_view_has_no_cut_labels(page):
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)
    assert truncated_labels(page) == []
    page.screenshot(path=str(ARTIFACTS / "phone-first-screen.png"))
    ask(page, "居住支援協議会を設立したい。県からどのような支援を受けられますか。", 1)
    page.wait_for_timeout(2000)
    top = page.locator(".kj-question").last.bounding_box()
    assert top and -2 <= top["y"] < PHONE["height"] / 2, "the view shows the new answer's start, not the page bottom"
    page.screenshot(path=str(ARTIFACTS / "phone-answer-view.png"))
    assert truncated_labels(page) == []
    shot(page, "phone-answer.png")
