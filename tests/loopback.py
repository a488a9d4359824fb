"""A loopback HTTP server that speaks the LibreTranslate API and the DeepL API v2, for tests.

It listens on 127.0.0.1, on a free port (port 0), in a daemon thread. It is bounded: it
answers at most ``max_requests`` requests and shuts itself down after ``lifetime`` seconds
even if a test forgets to stop it. Every request is recorded (method, path, query, headers,
decoded body) so tests can check what the clients really sent.

Tests script the answers to translate requests: ``server.script("429", "ok")`` makes the
next one answer 429 and the one after succeed; once the script is used up, every answer is
``"ok"``. Behaviours: ``ok``, ``429``, ``500``, ``503``, ``slow`` (answers after
``slow_seconds``, longer than the test's timeout), ``malformed`` (200 with broken JSON),
``drop`` (the first masked placeholder of each text is dropped), ``short`` (one translation
fewer than texts sent).

A "translation" is the text with the target language in front: ``PL: Take <x1>56mg</x1>``.

``forbid_internet(monkeypatch)`` makes any connection (or name lookup) that is not to the
loopback interface fail the test: the only thing patched at the socket level.
"""

import ipaddress
import json
import re
import socket
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DEEPL_KEY = "good-key:fx"
DEEPL_QUOTA_KEY = "spent-key:fx"
LIBRE_KEY = "libre-key"
LIBRE_LANGUAGES = ["en", "es", "pl", "ar", "zh"]  # no Urdu: an unsupported pair
DEEPL_SOURCES = ["EN", "ES", "PL", "AR", "ZH"]
DEEPL_TARGETS = ["EN-GB", "EN-US", "ES", "PL", "AR", "ZH-HANS"]
MASK_RE = re.compile(r"<x\d+/>|<(x\d+)>(.*?)</\1>", re.DOTALL)


def fake_translation(text, target):
    return f"{target.upper()}: {text}"


def drop_placeholder(text):
    return MASK_RE.sub(lambda m: m.group(2) or "", text, count=1)


class Recorded:
    def __init__(self, handler, body):
        parts = urlsplit(handler.path)
        self.at = time.monotonic()
        self.method = handler.command
        self.path = parts.path
        self.query = parse_qs(parts.query)
        self.headers = dict(handler.headers)
        self.raw = body
        self.content_type = handler.headers.get("Content-Type", "").split(";")[0]
        if self.content_type == "application/json":
            self.data = json.loads(body or b"null")
        elif self.content_type == "application/x-www-form-urlencoded":
            self.data = parse_qs(body.decode())
        else:
            self.data = {}

    def field(self, name):
        """A field from the JSON body, the form body or the query string (as LibreTranslate reads them)."""
        if isinstance(self.data, dict) and name in self.data:
            value = self.data[name]
            return value[0] if self.content_type != "application/json" and len(value) == 1 else value
        values = self.query.get(name)
        return values[0] if values and len(values) == 1 else values


class Loopback:
    def __init__(self, lifetime=30.0, max_requests=500, slow_seconds=1.0):
        self.lifetime = lifetime
        self.max_requests = max_requests
        self.slow_seconds = slow_seconds
        self.requests = []
        self._script = deque()
        self._lock = threading.Lock()
        self._server = None

    def __enter__(self):
        owner = self

        class Handler(_Handler):
            loopback = owner

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self._timer.cancel()
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, *behaviours):
        with self._lock:
            self._script.extend(behaviours)

    def next_behaviour(self):
        with self._lock:
            return self._script.popleft() if self._script else "ok"

    def translate_requests(self, path_end="translate"):
        return [r for r in self.requests if r.path.endswith(path_end)]


class _Handler(BaseHTTPRequestHandler):
    loopback = None
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        request = Recorded(self, self.rfile.read(length) if length else b"")
        loopback = self.loopback
        with loopback._lock:
            loopback.requests.append(request)
            over = len(loopback.requests) > loopback.max_requests
        if over:
            threading.Thread(target=loopback.stop, daemon=True).start()
            return self._json(503, {"error": "The loopback server answered enough requests."})
        if request.path.startswith("/v2/"):
            return self._deepl(request)
        return self._libre(request)

    # LibreTranslate: POST /translate (JSON, form or query), GET /languages.

    def _libre(self, request):
        if request.path == "/languages":
            languages = [
                {"code": c, "name": c, "targets": [t for t in LIBRE_LANGUAGES if t != c]} for c in LIBRE_LANGUAGES
            ]
            return self._json(200, languages)
        if request.path != "/translate" or request.method != "POST":
            return self._json(404, {"error": "Not found"})
        if request.field("api_key") != LIBRE_KEY:
            return self._json(403, {"error": "Invalid API key"})
        q, source, target = request.field("q"), request.field("source"), request.field("target")
        if q is None or source not in LIBRE_LANGUAGES or target not in LIBRE_LANGUAGES:
            return self._json(400, {"error": f"Invalid request: {source} -> {target}"})
        texts = q if isinstance(q, list) else [q]
        translated = self._behave(texts, target)
        if translated is not None:
            self._json(200, {"translatedText": translated if isinstance(q, list) else translated[0]})

    # DeepL API v2: POST /v2/translate, GET /v2/languages, key in the Authorization header only.

    def _deepl(self, request):
        if "auth_key" in request.query or (isinstance(request.data, dict) and "auth_key" in request.data):
            return self._json(403, {"message": "Legacy authentication with auth_key is no longer supported."})
        auth = request.headers.get("Authorization", "")
        if auth == f"DeepL-Auth-Key {DEEPL_QUOTA_KEY}":
            return self._json(456, {"message": "Quota exceeded"})
        if auth != f"DeepL-Auth-Key {DEEPL_KEY}":
            return self._json(403, {"message": "Authorization failure, check auth_key"})
        if request.path == "/v2/languages" and request.method == "GET":
            kind = (request.query.get("type") or ["source"])[0]
            codes = DEEPL_TARGETS if kind == "target" else DEEPL_SOURCES
            return self._json(200, [{"language": code, "name": code} for code in codes])
        if request.path != "/v2/translate" or request.method != "POST":
            return self._json(404, {"message": "Not found"})
        texts = request.field("text")
        texts = [texts] if isinstance(texts, str) else texts
        target = request.field("target_lang")
        if not texts or not isinstance(texts, list) or target not in DEEPL_TARGETS:
            return self._json(400, {"message": "Bad request: text (a list) and a valid target_lang are required."})
        translated = self._behave(texts, target)
        if translated is not None:
            source = request.field("source_lang") or "EN"
            self._json(200, {"translations": [{"detected_source_language": source, "text": t} for t in translated]})

    def _behave(self, texts, target):
        """The translations to send, or None if the behaviour already answered."""
        behaviour = self.loopback.next_behaviour()
        if behaviour in ("429", "500", "503"):
            headers = {"Retry-After": "0"} if behaviour == "429" else {}
            self._json(int(behaviour), {"message": f"Scripted {behaviour}", "error": f"Scripted {behaviour}"}, headers)
            return None
        if behaviour == "malformed":
            self._send(200, b'{"translations": [{"text": "unfinished', "application/json")
            return None
        if behaviour == "slow":
            time.sleep(self.loopback.slow_seconds)
        translated = [fake_translation(text, target) for text in texts]
        if behaviour == "drop":
            translated = [drop_placeholder(text) for text in translated]
        if behaviour == "short":
            translated = translated[:-1]
        return translated

    def _json(self, status, data, headers=None):
        self._send(status, json.dumps(data).encode(), "application/json", headers)

    def _send(self, status, body, content_type, headers=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


def _is_loopback(host):
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def forbid_internet(monkeypatch):
    """Fail the test on any connection or name lookup that is not for the loopback interface.
    Returns the list of attempts, which the caller should assert is empty at teardown."""
    attempts = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            attempts.append(address)
            raise AssertionError(f"A test tried to connect to {address}: tests must stay on the loopback interface.")
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not _is_loopback(host.decode() if isinstance(host, bytes) else host):
            attempts.append(host)
            raise AssertionError(f"A test tried to look up {host}: tests must stay on the loopback interface.")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def closed_port_url():
    """The URL of a loopback port nobody listens on: an unreachable server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
