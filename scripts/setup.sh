#!/usr/bin/env bash
# Sets up a fresh Debian machine for redovisning: Debian's headless Chromium
# (prints the PDF; full Chromium too, for the screenshots and as a fallback), Hunspell with the Swedish dictionary (checks the spelling), poppler-utils,
# qpdf and pikepdf (the tests read PDFs back), the sRGB ICC profile of icc-profiles-free (the PDF/A output intent)
# and a fallback font; for the tests LibreOffice's headless writer and calc (they open the Word file and the workbooks),
# Java (the Nu Html Checker) and Firefox ESR; then the npm dependencies and
# the compiled generator. Idempotent: quick when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v hunspell >/dev/null 2>&1 || need+=(hunspell)
[ -e /usr/share/hunspell/sv_SE.dic ] || need+=(hunspell-sv)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# The tests open the Word file and the workbooks in LibreOffice and run the Nu Html Checker (Java).
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# The sRGB profile of the PDF's output intent (PDF/A), zlib licence.
[ -e /usr/share/color/icc/sRGB.icc ] || need+=(icc-profiles-free)
# The tests read the PDF's objects and content streams back with qpdf and pikepdf.
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
/usr/bin/python3 -c 'import pikepdf' >/dev/null 2>&1 || need+=(python3-pikepdf)
# The page is also opened in Firefox, the other browser Debian has.
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Puppeteer must not download a browser: it uses Debian's.
export PUPPETEER_SKIP_DOWNLOAD=true
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node scripts/compile.mjs --force
echo "setup: ready ($(chromium-headless-shell --version 2>/dev/null | head -1), hunspell sv_SE)"
