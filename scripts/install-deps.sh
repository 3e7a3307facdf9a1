#!/usr/bin/env bash
# Installs every Debian package and npm asset thidua needs to build, run and test.
# Idempotent and non-interactive: packages already present are skipped, so a second run
# costs a few dpkg queries and no network.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build, run and document-rendering dependencies.
PKGS_BUILD=(
  build-essential cmake pkg-config ccache git
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  libsodium-dev libfmt-dev libspdlog-dev libcli11-dev libtomlplusplus-dev libexpected-dev
  libkainjow-mustache-dev libicu-dev libssl-dev
  libcairo2-dev libpango1.0-dev fonts-liberation2 libzip-dev libexpat1-dev libxlsxwriter-dev libqrencode-dev
  # Thumbnails of evidence photos: JPEG decoded at a reduced scale.
  libjpeg62-turbo-dev
  # Optional e-mail of reminders over SMTP (issue 7): libcurl speaks the protocol.
  libcurl4-openssl-dev
)
# Test and benchmark dependencies (make test / make bench).
PKGS_TEST=(
  libgtest-dev libgmock-dev postgresql-15 postgresql-client-15
  clang-14 libclang-rt-14-dev chromium poppler-utils nginx wrk curl
  # The DOCX writer's test opens its file in LibreOffice and prints it to PDF.
  libreoffice-writer-nogui
)

want=("${PKGS_BUILD[@]}")
if [ "${1:-}" != "--runtime-only" ]; then want+=("${PKGS_TEST[@]}"); fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # nginx's package starts a system service on install; we never use it (bench starts its own).
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
fi

# Front-end assets (Bootstrap, htmx) and the browser-test driver, pinned by package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
