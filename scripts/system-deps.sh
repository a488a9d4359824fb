#!/bin/sh
# Debian packages the test suite needs: GNU gettext (msgfmt checks exported PO files).
# Installs them when missing and we are allowed to; otherwise says what to install.
# The browser tests also want Debian's Chromium and ChromeDriver, a Java runtime for the
# Nu Html Checker, npm to fetch it and axe-core, and a Chinese font (tests/browser). nginx is
# the shared cache tests/test_shared_cache.py starts in front of the site (its own process,
# port and configuration; the package's own service is not started). redis-server is the
# throwaway Redis the cache outage and production tests start and stop (tests/servers.py).
# Without them those tests are skipped with the reason, so failing to install them stops nothing.
set -e
missing=""
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
browser=""
command -v chromium >/dev/null 2>&1 || browser="$browser chromium"
command -v chromedriver >/dev/null 2>&1 || browser="$browser chromium-driver"
command -v java >/dev/null 2>&1 || browser="$browser default-jre-headless"
command -v npm >/dev/null 2>&1 || browser="$browser npm"
# A Chinese font, so that screenshots of the Simplified Chinese pages show text, not boxes.
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || browser="$browser fonts-wqy-zenhei"
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || browser="$browser nginx"
command -v redis-server >/dev/null 2>&1 || browser="$browser redis-server"
[ -z "$missing$browser" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null || true
    if [ -n "$missing" ]; then
        echo "Installing Debian packages:$missing"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    fi
    if [ -n "$browser" ]; then
        echo "Installing Debian packages for the browser, shared-cache and production tests:$browser"
        # RUNLEVEL=1: install nginx without starting Debian's own nginx service on port 80.
        RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $browser >/dev/null ||
            echo "Could not install$browser: the tests that need them will be skipped." >&2
    fi
else
    [ -n "$browser" ] && echo "The browser, shared-cache and production tests are skipped without these Debian packages:$browser" >&2
    [ -z "$missing" ] && exit 0
    echo "Please install these Debian packages:$missing (for example: sudo apt-get install$missing)" >&2
    exit 1
fi
