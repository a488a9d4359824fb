#!/bin/sh
# Debian packages the test suite needs: GNU gettext (msgfmt checks exported PO files).
# Installs them when missing and we are allowed to; otherwise says what to install.
set -e
missing=""
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages:$missing"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "Please install these Debian packages:$missing (for example: sudo apt-get install$missing)" >&2
    exit 1
fi
