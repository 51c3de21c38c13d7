"""A throw-away zonecalc-serve for the end-to-end run and the load benchmark: the sample zone served
from a link, a new data folder, accounts made with `add-account`, 127.0.0.1 at a free port; stop()
ends it (SIGTERM, as systemd does) and removes the folder."""
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "correct horse battery staple"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Service:
    """zonecalc-serve from `bin_dir` with `accounts` (name, role), started; `log_copy` keeps its log."""

    def __init__(self, bin_dir, accounts, log_copy=None):
        self.folder = tempfile.mkdtemp(prefix="zonecalc-service-")
        self.log_copy = log_copy
        projects = os.path.join(self.folder, "projects")
        os.makedirs(projects)
        # The sample zone as served, through a link: the service never writes to a project.
        os.symlink(os.path.join(ROOT, "GeoData", "demo"), os.path.join(projects, "demo"))
        self.data = os.path.join(self.folder, "data")
        serve = os.path.join(bin_dir, "zonecalc-serve")
        try:
            for name, role in accounts:
                subprocess.run([serve, "add-account", name, "--role", role, "--data", self.data],
                               input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError):
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.log = open(os.path.join(self.folder, "service.log"), "w")
        self.process = subprocess.Popen([serve, "run", "--projects", projects, "--data", self.data, "--port", str(self.port), "--no-pdf"],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/login", timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        log = open(self.log.name).read()
        self.stop()
        raise RuntimeError("zonecalc-serve did not start: " + log)

    def token(self, name):
        """A bearer token of `name`."""
        request = urllib.request.Request(self.url + "/api/sessions", method="POST", headers={"Content-Type": "application/json"},
                                         data=json.dumps({"name": name, "password": PASSWORD}).encode())
        return json.load(urllib.request.urlopen(request, timeout=10))["token"]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        if self.log_copy:
            shutil.copy(self.log.name, self.log_copy)
        shutil.rmtree(self.folder, ignore_errors=True)
