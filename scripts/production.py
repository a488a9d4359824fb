"""`make production`: the production topology on this machine, with production settings.

PostgreSQL and Redis are the machine's own (DATABASE_URL, REDIS_URL); the database is created
if it does not exist. Then: migrate, collectstatic, the demo content (LOAD_DEMO=0 leaves it
out), and the Procfile's processes under honcho: WEB_PROCESSES gunicorn web processes on
consecutive ports from WEB_PORT, and one `manage.py db_worker`. Once every web process answers
/healthz, it prints their URLs. Ctrl-C stops them all.

Without an HTTPS proxy in front on this machine, it sets SECURE_SSL_REDIRECT=0 unless told
otherwise; a real deployment keeps the redirect and puts the proxy in front (README).
"""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULTS = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/carelingua_production",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "WEB_PORT": "8001",
    "WEB_PROCESSES": "2",
    "WEB_CONCURRENCY": "2",
}


def environment():
    env = {**DEFAULTS, **{k: v for k, v in os.environ.items() if v}}
    env.pop("PORT", None)  # honcho would take it over --port
    # One key for every process of the run; a real deployment sets its own, kept secret.
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    env.setdefault("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env['WEB_PORT']}")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def create_database(url):
    """Create the PostgreSQL database the URL names, if it does not exist (trust or password auth)."""
    config = dj_database_url.parse(url)
    if not config["ENGINE"].endswith("postgresql"):
        return
    server = {"host": config["HOST"], "port": config["PORT"] or 5432, "user": config["USER"]}
    if config["PASSWORD"]:
        server["password"] = config["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"Created the database {config['NAME']}.")


def manage(env, *args):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def healthy(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
            return response.status == 200
    except (OSError, urllib.error.URLError):
        return False


def main():
    env = environment()
    create_database(env["DATABASE_URL"])
    manage(env, "check", "--deploy")
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    if env.get("LOAD_DEMO", "1") != "0":
        manage(env, "load_demo", "--force")  # demo logins: this machine only, never a live site
    first, count = int(env["WEB_PORT"]), int(env["WEB_PROCESSES"])
    ports = [first + i for i in range(count)]
    honcho = subprocess.Popen(  # noqa: S603 (honcho from this virtual environment, the Procfile beside it)
        [BIN / "honcho", "start", "--port", str(first), "--concurrency", f"web={count},worker=1"], cwd=ROOT, env=env
    )
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: (stopping.append(True), honcho.terminate()))
    try:
        deadline = time.monotonic() + 60
        while not all(healthy(port) for port in ports):
            if honcho.poll() is not None or time.monotonic() > deadline:
                honcho.terminate()
                sys.exit(f"The web processes did not become healthy (honcho exited with {honcho.wait()}).")
            time.sleep(0.5)
        print("\nCarelingua runs with production settings:")
        for number, port in enumerate(ports, start=1):
            print(f"  web {number}: http://127.0.0.1:{port}/  (health: http://127.0.0.1:{port}/healthz)")
        database = dj_database_url.parse(env["DATABASE_URL"])
        print(f"  worker: manage.py db_worker\n  database: {database['NAME']} on {database['HOST'] or 'localhost'}")
        print(f"  cache: Redis at {env['REDIS_URL'].rsplit('@', 1)[-1]}")
        print("Ctrl-C stops every process.\n", flush=True)
        code = honcho.wait()
        sys.exit(0 if stopping else code)
    except KeyboardInterrupt:
        honcho.wait()


if __name__ == "__main__":
    main()
