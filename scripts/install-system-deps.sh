#!/usr/bin/env bash
# System programs that only some tests need: headless Chromium (the HTML catalogue)
# and LibreOffice Calc (the Excel catalogue converts to PDF). Debian/Ubuntu, as root.
# Without them those tests skip with a reason; everything else works.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
if [ ${#need[@]} -eq 0 ]; then
  echo "Chromium og LibreOffice er allerede installeret."
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Kan ikke installere ${need[*]} (kræver apt-get og root). De tests, der bruger dem, springes over."
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
echo "Installeret: ${need[*]}"
