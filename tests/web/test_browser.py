"""The web app in Debian's Chromium, driven by Playwright: map, timeline,
filters, the event page with highlighted evidence, XSS, reviews, language,
offline. Screenshots of the main views go to tests/web/artifacts/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.web.conftest import EDITOR, VIEWER, make_db, serving

CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
pytestmark = pytest.mark.skipif(
    not shutil.which(CHROMIUM), reason=f"Chromium not installed at {CHROMIUM}"
)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """A server over its own store, so reviews here do not touch the API tests."""
    with serving(make_db(tmp_path_factory.mktemp("browser") / "b.db")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=app_url)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_app(page, path: str = "/") -> None:
    page.goto(path)
    page.wait_for_selector("body[data-ready='1']")


def listed(page) -> list[str]:
    page.wait_for_selector("#event-list li")
    return page.eval_on_selector_all(
        "#event-list li[data-event]", "els => els.map(e => e.dataset.event)"
    )


def test_map_timeline_and_list(page):
    open_app(page)
    assert page.get_attribute("html", "dir") == "rtl"
    page.wait_for_selector("path.event-marker")
    markers = page.locator("path.event-marker").count()
    clusters = page.locator(".marker-cluster").count()
    assert markers + clusters >= 2  # 4 events; near ones may cluster
    assert page.locator("path.leaflet-interactive, path").count() > 100  # country outlines
    bars = page.eval_on_selector_all(
        "#timeline rect.tl-bar", "els => els.map(e => [e.dataset.day, +e.getAttribute('height')])"
    )
    # one bar per fused event (six articles): one event a day on four days
    assert sorted(day for day, _ in bars) == [
        "2024-07-23",
        "2024-07-24",
        "2024-07-26",
        "2024-07-27",
    ]
    assert len({h for _, h in bars}) == 1
    assert sorted(listed(page)) == ["ev-ain", "ev-conoco", "ev-review", "ev-xss"]
    assert page.locator("#legend .legend-row").count() == 2
    shot(page, "map")
    assert page.errors == []


def test_filter_by_country_and_text(page):
    open_app(page)
    page.select_option("#filters select[name=country]", "SY")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.hash.includes('country=SY')")
    page.wait_for_function(
        "() => document.querySelectorAll('#event-list li[data-event]').length === 1"
    )
    assert listed(page) == ["ev-conoco"]
    assert page.locator("path.event-marker").count() == 1
    page.fill("#filters input[name=text]", "الأنبار")
    page.select_option("#filters select[name=country]", "")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.hash.includes('text=')")
    page.wait_for_function(
        "() => document.querySelector('#event-list li[data-event]')?.dataset.event === 'ev-ain'"
    )
    assert listed(page) == ["ev-ain"]


def test_timeline_selection_filters_map(page):
    open_app(page)
    page.wait_for_selector("#timeline rect.tl-bar[data-day='2024-07-23']")
    page.locator("#timeline rect.tl-bar[data-day='2024-07-23']").first.click()
    page.wait_for_function("() => location.hash.includes('from=2024-07-23')")
    page.wait_for_function(
        "() => document.querySelectorAll('#event-list li[data-event]').length === 1"
    )
    assert listed(page) == ["ev-xss"]
    assert "to=2024-07-23" in page.evaluate("location.hash")
    page.wait_for_function(
        "() => document.querySelectorAll('path.event-marker').length"
        " + document.querySelectorAll('.marker-cluster').length >= 1"
    )
    assert page.locator("#timeline-clear").is_visible()
    shot(page, "timeline-selected")


def test_event_page_highlights_evidence_and_xss_stays_text(page):
    open_app(page, "/#/event/ev-xss")
    page.wait_for_selector("article.report mark.evidence")
    marks = page.eval_on_selector_all(
        "article[data-article='a-xss'] .article-text mark.evidence",
        "els => els.map(e => e.textContent)",
    )
    assert marks == ["هجوم بطائرة مسيرة <script>window.__pwned = 1</script>", "مطار أربيل"]
    en = page.eval_on_selector_all(
        "article[data-article='a-erbil-en'] .article-text mark.evidence",
        "els => els.map(e => e.textContent)",
    )
    assert en == ["A drone", "Erbil airport"]
    body = page.inner_text("article[data-article='a-xss'] .article-text")
    assert '<img src=x onerror="window.__pwned = 2">' in body
    assert page.locator(".article-text script, .article-text img, .report h3 img").count() == 0
    assert '<img src=x onerror="window.__pwned=3">' in page.inner_text(
        "article[data-article='a-xss'] h3"
    )
    assert page.evaluate("window.__pwned") is None
    assert page.locator("table.fields tr[data-field='fatalities'] td").inner_text() == "0"
    shot(page, "event")
    open_app(page, "/#/article/a-xss")
    page.wait_for_selector(".reader mark.evidence")
    assert page.get_attribute(".reader", "dir") == "rtl"
    assert page.evaluate("window.__pwned") is None
    shot(page, "article")
    assert page.errors == []


def login(page, name: str, password: str) -> None:
    page.click("#login-open")
    page.fill("#login-form input[name=name]", name)
    page.fill("#login-form input[name=password]", password)
    page.click("#login-form button[type=submit]")
    page.wait_for_function(f"() => document.getElementById('who').textContent.startsWith('{name}')")


def test_editor_corrects_a_field_and_it_is_kept(page):
    open_app(page, "/#/event/ev-conoco")
    login(page, *EDITOR)
    page.wait_for_selector("form.review-form")
    page.fill("form.review-form input[name=fatalities]", "4")
    page.click("form.review-form button[type=submit]")
    page.wait_for_selector("tr.changed[data-field='fatalities']")
    page.reload()
    page.wait_for_selector("table.fields")
    assert page.locator("tr[data-field='fatalities'] td").inner_text().startswith("4")
    assert page.locator(".badge.status-corrected").count() == 1
    assert page.locator("ol.history li").count() == 1
    shot(page, "event-reviewed")


def test_viewer_cannot_change_anything(page):
    open_app(page, "/#/event/ev-ain")
    login(page, *VIEWER)
    page.wait_for_selector("table.fields")
    assert page.locator("form.review-form").count() == 0
    assert page.locator("button[name=reject]").count() == 0
    status = page.evaluate(
        """async () => {
            const me = await (await fetch('/api/me')).json();
            const r = await fetch('/api/events/ev-ain/review', {method: 'POST',
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf},
              body: JSON.stringify({action: 'reject'})});
            return r.status;
        }"""
    )
    assert status == 403
    page.reload()
    page.wait_for_selector("table.fields")
    assert page.locator(".badge.status-rejected").count() == 0


def test_editor_splits_and_merges_back(page):
    open_app(page, "/#/event/ev-xss")
    login(page, *EDITOR)
    page.wait_for_selector("article.report input[name=split]")
    assert page.locator("article.report").count() == 2
    shot(page, "event-editor")
    page.check("article[data-article='a-erbil-en'] input[name=split]")
    page.click("button[name=split]")
    page.wait_for_function("() => document.querySelectorAll('article.report').length === 1")
    assert "ev-erbil-en" in page.inner_text("#toast")
    assert page.locator("ol.history li").count() == 1
    open_app(page, "/#/event/ev-erbil-en")
    page.wait_for_selector("form.merge-form")
    assert page.locator("article.report").count() == 1
    page.fill("form.merge-form input[name=other]", "ev-xss")
    page.click("form.merge-form button[name=merge]")
    page.wait_for_function("() => document.querySelectorAll('article.report').length === 2")
    # the merged event keeps the id of the event reported first
    assert "ev-xss" in page.inner_text("tr[data-field='event_id'] td")
    assert page.locator("ol.history li").count() == 2  # split, then merge
    assert page.errors == []


def test_english_toggle(page):
    open_app(page)
    page.click("#lang")
    page.wait_for_function("() => document.documentElement.dir === 'ltr'")
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("header nav a[href='#/']") == "Map"
    page.wait_for_selector("#legend .legend-row")
    assert "Air/drone strike" in page.inner_text("#legend")
    shot(page, "map-en")


def test_opens_offline_from_the_service_worker(page):
    open_app(page)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now controlled by the worker, which caches the API answers
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_selector("#event-list li[data-event]")
    page.context.set_offline(True)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert sorted(listed(page)) == ["ev-ain", "ev-conoco", "ev-review", "ev-xss"]
    page.context.set_offline(False)
