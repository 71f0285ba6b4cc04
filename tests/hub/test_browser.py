"""A specialist in a real browser: signs in, sees a request a kiosk sent, calls and closes it.

Debian's chromium, headless, through its own chromedriver (never a downloaded one), against
the hub on a loopback live server. The request arrives over real HTTP, signed with the
`standardwebhooks` library and sent by the kiosk's own transport. Controls are found by the
text a screen reader would read. Screenshots of the inbox and the fleet page go to
HUB_SCREENSHOTS when it is set.
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

from hub.intake.models import CallbackRequest
from kiosk.net import transport
from tests.hub.helpers import KEY, callback_body, heartbeat_body, signed_headers

MISSING = "the browser test needs Debian's chromium and chromium-driver (apt-get install ...)"
PASSWORD = "a long test password"


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
        browser.save_screenshot(str(Path(folder) / f"{name}.png"))


def send(url: str, secret: str, body: bytes, key: str) -> None:
    outcome = transport.post(url, body, signed_headers(secret, body, key), timeout=5, deadline=10)
    assert outcome.kind == transport.DELIVERED, outcome.detail


def test_a_specialist_calls_back_and_closes_a_request(
    browser, live_server, kiosk, django_user_model, settings
):
    settings.HUB_POLL_SECONDS = 0.2
    django_user_model.objects.create_user("specialist", password=PASSWORD)
    send(f"{live_server.url}/api/callbacks", kiosk.secret, callback_body(), KEY)
    send(f"{live_server.url}/api/heartbeats", kiosk.secret, heartbeat_body(), "hb-1")

    browser.get(f"{live_server.url}/")
    heading_is(browser, "Sign in")
    field(browser, "User name").send_keys("specialist")
    field(browser, "Password").send_keys(PASSWORD)
    button(browser, "Sign in").click()
    heading_is(browser, "Callback inbox")
    table = browser.find_element(By.TAG_NAME, "table").text
    assert "Test Patient" in table and "Lobby" in table and "555" not in table

    key = "9MPQRS-2f9c2a1b8e7d6c5b4a39281706f5e4d3"
    body = callback_body(
        reference="9MPQRS", idempotency_key=key, first_name="Otra Paciente", language="es"
    )
    send(f"{live_server.url}/api/callbacks", kiosk.secret, body, key)
    count = browser.find_element(By.ID, "new-count")
    WebDriverWait(browser, 10).until(lambda _: count.text == "2")  # no reload
    screenshot(browser, "hub-inbox")

    button(browser, "Show number for 7KX4QM").click()
    heading_is(browser, "Request 7KX4QM")
    assert "(202) 555-0123" in browser.find_element(By.CLASS_NAME, "phone").text
    button(browser, "Claim request 7KX4QM").click()
    heading_is(browser, "Callback inbox")
    assert "You claimed request 7KX4QM." in browser.page_source
    Select(field(browser, "Outcome for 7KX4QM")).select_by_visible_text("Reached")
    button(browser, "Record outcome for 7KX4QM").click()
    WebDriverWait(browser, 10).until(lambda _: "Request 7KX4QM: Reached." in browser.page_source)
    assert "Request 7KX4QM: Reached." in browser.page_source
    assert "Test Patient" not in browser.find_element(By.TAG_NAME, "table").text
    assert CallbackRequest.objects.get(reference="7KX4QM").status == "closed"

    browser.get(f"{live_server.url}/fleet/")
    heading_is(browser, "Kiosks")
    assert "lobby-1" in browser.find_element(By.TAG_NAME, "table").text
    screenshot(browser, "hub-fleet")
