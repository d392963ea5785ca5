#!/bin/sh
# Downloads the Debian packages the langid model is trained from and turns
# them into plain text, one file per language.
#
#   plugins/langid/fetch-training.sh WORKDIR
#
# Packages are fetched with `apt-get download` and unpacked with
# `dpkg-deb -x` under WORKDIR: nothing is installed. WORKDIR/text/train/
# then holds LANG.txt for the trainer, and WORKDIR/text/dev/ the held-out
# development set (short, medium and long samples, TSV) used by
# bench/langid/. Needs apt-get, dpkg-deb and python3.
set -e

if [ $# -ne 1 ]; then
  echo "usage: $0 WORKDIR" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
work=$1
mkdir -p "$work/debs" "$work/root"
work=$(cd "$work" && pwd)

# Languages of the model: LibreOffice carries most of them.
lo_langs="af ar be bg bn ca cs da de el es et eu fa fi fr gl he hi hr hu id is it ja ka kk ko lt lv mk mr nb nn nl pl pt pt-br ro ru sk sl sr sv ta te th tr uk vi zh-cn zh-tw cy ga eo mn ne gu pa-in kn ml si km am"
man_langs="cs da de el es fi fr hu id it ja mk nb nl pl pt-br ro ru sr sv tr uk vi zh"

pkgs="manpages unicode-cldr-core iso-codes gnome-user-docs vlc-l10n cinnamon-l10n pidgin-data
  network-manager libgtk-3-common libglib2.0-data evolution-data-server-common
  gnome-control-center-data xfce4-session xfce4-panel thunar-data xkb-data
  util-linux-locales aptitude-common debconf-i18n tasksel-data transmission-common
  tuxpaint-data gimp-data mate-desktop-common freeciv-data
  fortunes-bg fortunes-cs fortunes-de fortunes-es fortunes-it fortunes-pl fortunes-ru
  hunspell-sw myspell-tl myspell-sq myspell-hy"
for l in $lo_langs; do pkgs="$pkgs libreoffice-l10n-$l"; done
for l in en-us $lo_langs; do
  case " en-us ca cs da de el es et eu fi fr gl hi hu id it ja ko nl pl pt pt-br ru sk sl sv tr vi zh-cn zh-tw " in
    *" $l "*) pkgs="$pkgs libreoffice-help-$l" ;;
  esac
done
for l in $man_langs; do pkgs="$pkgs manpages-$l"; done

cd "$work/debs"
for p in $pkgs; do
  if ! ls "${p}"_*.deb >/dev/null 2>&1; then
    apt-get download "$p" >/dev/null 2>&1 || echo "warning: cannot download $p" >&2
  fi
done
for d in *.deb; do
  stamp="$work/root/.${d}.done"
  [ -e "$stamp" ] && continue
  dpkg-deb -x "$d" "$work/root"
  touch "$stamp"
done

python3 "$here/extract-training.py" "$work/root" "$work/text"
