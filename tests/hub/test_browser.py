"""A specialist in a real browser handles a request a real kiosk sent; IT looks at the fleet.

Debian's chromium, headless, through its own chromedriver (never a downloaded one), against
the hub on a loopback live server. The requests come from a kiosk's real outbox and
delivery worker (`CallbackDesk`, as `kiosk run` builds it) and its status and day's counts
from its real heartbeat; the card titles and the newest version from a real signed
repository on a loopback static host, read as `clinic-hub fleet-check` reads it. Controls
are found by the text a screen reader would read. Screenshots of the inbox, the fleet page
and the counts page go to HUB_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException
from selenium.common.exceptions import StaleElementReferenceException as Stale
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from hub.catalog import published
from hub.intake.kiosk_secrets import add_kiosk
from hub.intake.models import CallbackRequest, KioskStatus
from kiosk.assets import default_content_dir
from kiosk.callbacks.desk import CallbackDesk
from kiosk.content.storage.store import ContentInfo
from kiosk.content.updates.first_start import open_store
from kiosk.health.heartbeat import Heartbeat
from kiosk.health.status import collect_status
from kiosk.staff.counts import DailyCounts
from kiosk.staff.state import STATE_FILE, StaffState
from tests.content.repo_server import RepoServer
from tests.hub.conftest import PASSWORD, person
from tests.hub.content import Repository
from tests.hub.test_kiosk_to_hub import kiosk_config, tap_through_the_kiosk, wait_for

MISSING = "the browser test needs Debian's chromium and chromium-driver (apt-get install ...)"


@pytest.fixture(scope="module")
def browser():
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.fail(MISSING)
    options = Options()
    options.binary_location = chromium
    for argument in ("--headless=new", "--window-size=1280,900", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    if os.geteuid() == 0:  # chromium's sandbox cannot run as root (CI)
        options.add_argument("--no-sandbox")
    opened = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    yield opened
    opened.quit()


def heading_is(browser, text: str) -> None:
    """Wait (polling, no sleep) until the page that a click opened has this h1."""
    wait = WebDriverWait(browser, 10, ignored_exceptions=(NoSuchElementException, Stale))
    wait.until(lambda _: browser.find_element(By.TAG_NAME, "h1").text == text)


def button(browser, name: str):
    return browser.find_element(By.XPATH, f'//button[normalize-space()="{name}"]')


def field(browser, label: str):
    target = browser.find_element(By.XPATH, f'//label[normalize-space()="{label}"]')
    return browser.find_element(By.ID, target.get_attribute("for"))


def screenshot(browser, name: str) -> None:
    folder = os.environ.get("HUB_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(1280, max(900, height + 200))  # the whole page, and chrome
        browser.save_screenshot(str(Path(folder) / f"{name}.png"))
        browser.set_window_size(1280, 900)


def sign_in(browser, url: str, username: str) -> None:
    browser.get(f"{url}/")
    heading_is(browser, "Sign in")
    field(browser, "User name").send_keys(username)
    field(browser, "Password").send_keys(PASSWORD)
    button(browser, "Sign in").click()


def send_status(config, data_dir: Path, state, info, counts=None, outbox=None) -> None:
    """One heartbeat from the kiosk's own Heartbeat, and wait until the hub has it."""
    heartbeat = Heartbeat(config["status.endpoint"], config["status.secret"])
    heartbeat.start()
    try:
        status = collect_status(
            config,
            data_dir,
            state,
            content=lambda: info,
            counts=counts.report if counts else None,
            outbox=outbox,
        )
        heartbeat.submit(status)
        kiosk_id = config["kiosk.id"]
        wait_for(lambda: KioskStatus.objects.filter(kiosk_id=kiosk_id).exists(), "the heartbeat")
    finally:
        heartbeat.stop()


@pytest.fixture
def content(tmp_path, settings):
    """A published repository on loopback, read by the hub as fleet-check reads it."""
    repository = Repository(tmp_path / "published")
    result = repository.publish("2026.02")
    with RepoServer(repository.repo) as host:
        settings.HUB_CONTENT_URL = host.url
        settings.HUB_CONTENT_ROOT = str(repository.root)
        settings.HUB_CONTENT_CACHE = tmp_path / "hub-content"
        assert published.refresh().error == ""
        yield result


def test_a_specialist_calls_back_a_kiosks_request_and_it_checks_the_fleet(
    browser, live_server, kiosk, settings, tmp_path, content
):
    settings.HUB_POLL_SECONDS = 0.2
    person("specialist", "Specialists")
    person("it-person", "IT")
    config = kiosk_config(live_server, kiosk)
    data_dir = tmp_path / "kiosk"
    data_dir.mkdir()
    desk = CallbackDesk(config, data_dir)
    state = StaffState(data_dir / STATE_FILE)
    counts = DailyCounts(state)
    try:
        desk.start()
        # The first request: a patient taps through the offscreen kiosk's own screens.
        tap_through_the_kiosk(live_server, kiosk, tmp_path / "patient-kiosk")
        first = CallbackRequest.objects.get(first_name="Tesa")
        for card, lang in (("why-cancer-can-hide", "en"), ("cytokines", "es"), ("cytokines", "en")):
            counts.card_opened(card, lang)
        counts.visit(), counts.visit(), counts.read_aloud(), counts.callback_sent()
        newest = content.bundle
        info = ContentInfo(newest.version, newest.digest, "2026-01-05T09:00:00+00:00", "sync")
        state.record_start()  # this process is the running kiosk
        send_status(config, data_dir, state, info, counts, desk.outbox.counts)
        _, secret = add_kiosk("ward-2", "Ward 2")  # a second kiosk, on the shipped content
        ward_config = config.replace(kiosk__id="ward-2", status__secret=secret)
        store = open_store(tmp_path / "ward", default_content_dir())
        try:
            send_status(ward_config, tmp_path / "ward", None, store.info())
        finally:
            store.close()

        sign_in(browser, live_server.url, "specialist")
        heading_is(browser, "Callback inbox")
        table = browser.find_element(By.TAG_NAME, "table").text
        assert "Tesa" in table and "Lobby" in table and "555" not in table
        assert "Why cancer can hide" in table  # the card's title, not its id

        second = desk.send("Otra Paciente", "2025550188", "evening", "es", "cytokines", True)
        count = browser.find_element(By.ID, "new-count")
        WebDriverWait(browser, 10).until(lambda _: count.text == "2")  # no reload
        wait_for(lambda: desk.outbox.counts().delivered == 1, "the second delivery")
    finally:
        desk.close()
        state.close()
    browser.refresh()
    heading_is(browser, "Callback inbox")
    assert "Citocinas" in browser.find_element(By.TAG_NAME, "table").text  # in the call's language
    screenshot(browser, "hub-inbox")

    reference = first.reference
    button(browser, f"Show number for {reference}").click()
    heading_is(browser, f"Request {reference}")
    assert "(202) 555-0123" in browser.find_element(By.CLASS_NAME, "phone").text
    button(browser, f"Claim request {reference}").click()
    heading_is(browser, "Callback inbox")
    assert f"You claimed request {reference}." in browser.page_source
    Select(field(browser, f"Outcome for {reference}")).select_by_visible_text("Reached")
    button(browser, f"Record outcome for {reference}").click()
    done = f"Request {reference}: Reached."
    WebDriverWait(browser, 10).until(lambda _: done in browser.page_source)
    assert "Tesa" not in browser.find_element(By.TAG_NAME, "table").text
    assert CallbackRequest.objects.get(reference=reference).status == "closed"
    assert CallbackRequest.objects.get(reference=second.reference).status == "new"
    button(browser, "Sign out specialist").click()

    sign_in(browser, live_server.url, "it-person")
    heading_is(browser, "Kiosks")  # IT starts on the fleet, and has no inbox
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "version 2026.02" in page and "1 kiosk behind." in page
    assert "2026.02 (the newest)" in page and "(behind: newest is 2026.02)" in page
    assert "Callback inbox" not in browser.find_element(By.TAG_NAME, "header").text
    screenshot(browser, "hub-fleet")

    browser.find_element(By.LINK_TEXT, "What patients read").click()
    heading_is(browser, "What patients read")
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "2\nvisits" in page and "3\ncards opened" in page
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert rows[0].text.startswith("Cytokines 2")  # the most read first, by title
    screenshot(browser, "hub-reading")
