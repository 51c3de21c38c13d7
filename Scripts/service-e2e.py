#!/usr/bin/env python3
"""The intranet service end to end, as a reviewer's browser and another system meet it.

Starts the built zonecalc-serve on 127.0.0.1 at a free port over the sample zone, in a throw-away
data folder, with a reviewer account; then
  1. headless Chromium (through chromedriver and selenium) signs in, uploads the sample expansion
     GeoData/demo/kqfw.txt, waits for its check, sees 不符合 with R1 and R3 failing, opens the map
     (Leaflet, when libjs-leaflet is installed: the conflict pieces drawn and labelled, a click opens
     the piece's details), and downloads report.html and new_boundary.txt through the page's links,
     checking them against the checksums the page gives; screenshots are kept in
     .build/test-artefacts/service/;
  2. schemathesis checks every API call against /openapi.json (a bounded, deterministic run, signed in
     as an admin; signing out is left to the route tests, as it would end the run's session).
The service is stopped at the end, whatever happens. Exit status 0 when everything held, 1 otherwise;
a part whose tools are missing (they could not be installed) says so, as SKIP, and fails the run only
with ZONECALC_REQUIRE_E2E=1.

    python3 Scripts/service-e2e.py [--bin DIR]      (DIR: where swift build put zonecalc and zonecalc-serve)
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time

from servicekit import PASSWORD, ROOT, Service

ARTEFACTS = os.path.join(ROOT, ".build", "test-artefacts", "service")
failures = []


def check(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


def skipped(what):
    print("  SKIP  " + what, flush=True)
    if os.environ.get("ZONECALC_REQUIRE_E2E") == "1":
        failures.append("skipped: " + what)


def browser_test(service):
    print("browser: headless Chromium signs in, uploads kqfw.txt, reads the verdict, opens the map, downloads", flush=True)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service as DriverService
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return skipped("the browser test: Python's selenium is not installed (pip install selenium)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        return skipped("the browser test: chromium and chromium-driver are not installed (bash Scripts/install-deps.sh --browser)")
    downloads = os.path.join(service.folder, "downloads")
    os.makedirs(downloads)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1800", "--lang=zh-CN"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    browser = webdriver.Chrome(service=DriverService(driver_path), options=options)
    try:
        wait = WebDriverWait(browser, 120, poll_frequency=0.5)
        browser.get(service.url + "/")
        check(browser.current_url.endswith("/login"), "an anonymous visitor is sent to the sign-in page")
        browser.get(service.url + "/login?lang=zh")
        browser.find_element(By.NAME, "name").send_keys("reviewer")
        browser.find_element(By.NAME, "password").send_keys(PASSWORD)
        browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait.until(lambda b: b.find_elements(By.NAME, "pieces"))
        browser.save_screenshot(os.path.join(ARTEFACTS, "1-zones.png"))
        browser.find_element(By.NAME, "pieces").send_keys(os.path.join(ROOT, "GeoData", "demo", "kqfw.txt"))
        browser.find_element(By.XPATH, "//input[@name='pieces']/ancestor::form//button[@type='submit']").click()
        wait.until(lambda b: "/checks/" in b.current_url and "审查结论" in b.page_source)
        browser.save_screenshot(os.path.join(ARTEFACTS, "2-check.png"))
        verdict = browser.find_element(By.CSS_SELECTOR, ".verdict").text
        check("不符合" in verdict, "the verdict is 不符合 (%s)" % verdict)
        rows = {}
        # The rule table comes first; the conflict table below it names the same rules.
        for cells in (row.find_elements(By.TAG_NAME, "td") for row in browser.find_elements(By.CSS_SELECTOR, "table tr")):
            if len(cells) == 5:
                rows.setdefault(cells[0].text, cells[2].text)
        check(rows.get("R1") == "不符合" and rows.get("R3") == "不符合", "R1 and R3 fail in the rule table (%s)" % rows)
        interactive = browser.find_elements(By.ID, "zc-map")
        if interactive:
            wait.until(lambda b: b.find_element(By.ID, "zc-map").get_attribute("data-ready"))
            paths = browser.find_elements(By.CSS_SELECTOR, "#zc-map path.leaflet-interactive")
            labels = sorted(e.text for e in browser.find_elements(By.CSS_SELECTOR, "#zc-map .zc-label"))
            check(len(paths) >= 8, "the map draws the zone, the proposal, the control lines and the conflicts (%d shapes)" % len(paths))
            check(labels == ["R1", "R3", "R3"], "the conflict pieces are labelled with their rules (%s)" % labels)
            legend = [e.text.strip() for e in browser.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays label")]
            check(len(legend) >= 6, "each legend entry can be switched off (%s)" % legend)
            check("三调 农用地" in legend and "三调 建设用地" in legend, "the added land's 三调 land use is on the map by 三大类 (%s)" % legend)
            browser.find_element(By.ID, "zc-map").screenshot(os.path.join(ARTEFACTS, "3-map.png"))
            red = [p for p in paths if p.get_attribute("fill") == "#d50000"]
            if check(len(red) == 1, "the R1 piece is drawn in its colour"):
                # a click at the middle of the piece's box, on the piece itself
                browser.execute_script("var r = arguments[0].getBoundingClientRect();"
                                       "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2}))", red[0])
                wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content"))
                popup = browser.find_element(By.CSS_SELECTOR, ".leaflet-popup-content").text
                check(popup.startswith("R1 ") and "漕溪村永久基本农田保护片2" in popup, "a click on it gives its rule and feature (%s)" % popup)
            browser.find_element(By.ID, "zc-map").screenshot(os.path.join(ARTEFACTS, "4-map-details.png"))
        elif os.path.exists("/usr/share/javascript/leaflet/leaflet.js"):
            check(False, "the check page draws its map with Leaflet, which is installed")
        else:
            skipped("the interactive map: Leaflet is not installed on the server (apt install libjs-leaflet); the page shows the SVG map")
            check(bool(browser.find_elements(By.CSS_SELECTOR, ".map svg")), "the page shows the report's SVG map")
        hashes = {}
        for row in browser.find_elements(By.CSS_SELECTOR, "table tr"):
            links = row.find_elements(By.TAG_NAME, "a")
            cells = row.find_elements(By.TAG_NAME, "td")
            if links and len(cells) == 3:
                hashes[links[0].text] = cells[2].text
        for name in ["report.html", "new_boundary.txt"]:
            browser.find_element(By.LINK_TEXT, name).click()
            target = os.path.join(downloads, name)
            deadline = time.time() + 30
            while time.time() < deadline and not os.path.exists(target):
                time.sleep(0.2)
            if check(os.path.exists(target), "%s is downloaded through the page's link" % name):
                digest = hashlib.sha256(open(target, "rb").read()).hexdigest()
                check(digest == hashes.get(name), "%s is the file the page's checksum names" % name)
                shutil.copy(target, os.path.join(ARTEFACTS, name))
        boundary = os.path.join(downloads, "new_boundary.txt")
        if os.path.exists(boundary):
            text = open(boundary, "rb").read()
            check(b"J1" in text or "J1".encode("gbk") in text, "the new boundary is a boundary-point txt (J-numbered points)")
    finally:
        browser.quit()


def api_conformance(service):
    print("api: schemathesis against /openapi.json (bounded, seeded)", flush=True)
    tool = shutil.which("schemathesis") or shutil.which("st")
    if not tool:
        return skipped("the API conformance run: schemathesis is not installed (pip install schemathesis)")
    report = os.path.join(ARTEFACTS, "schemathesis.junit.xml")
    run = subprocess.run([tool, "run", service.url + "/openapi.json", "--url", service.url,
                          "-H", "Authorization: Bearer " + service.token("admin"), "--generation-with-security-parameters", "false",
                          # signing out would end the session the run uses (the route tests cover it)
                          "--exclude-path", "/api/sessions/current",
                          "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                          "--max-examples", "25", "--seed", "20261204", "--generation-deterministic",
                          "--request-timeout", "60", "--report", "junit", "--report-junit-path", report],
                         capture_output=True, text=True, timeout=1200, cwd=service.folder)
    output = run.stdout + run.stderr
    open(os.path.join(ARTEFACTS, "schemathesis.log"), "w").write(output)
    print("\n".join("    " + line for line in output.strip().splitlines()[-25:]))
    check(run.returncode == 0, "every API call answers as /openapi.json documents it (exit %d)" % run.returncode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=None, help="where zonecalc and zonecalc-serve are")
    arguments = parser.parse_args()
    bin_dir = arguments.bin or subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    os.makedirs(ARTEFACTS, exist_ok=True)
    service = None
    try:
        service = Service(bin_dir, accounts=[("reviewer", "reviewer"), ("admin", "admin")], log_copy=os.path.join(ARTEFACTS, "service.log"))
        browser_test(service)
        api_conformance(service)
    except Exception as error:  # the service is stopped and the failure said, whatever went wrong
        check(False, "the run went through (%s: %s)" % (type(error).__name__, error))
    finally:
        if service:
            service.stop()
    print("service end to end: %s; artefacts in .build/test-artefacts/service/" % ("passed" if not failures else "%d failed" % len(failures)))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
