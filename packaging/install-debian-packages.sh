#!/usr/bin/env bash
# Install the Debian/Ubuntu packages a clinic kiosk needs. Safe to run again: apt-get skips
# what is already there. Run as root:
#
#   sudo packaging/install-debian-packages.sh          # Wayland: the cage compositor (default)
#   sudo packaging/install-debian-packages.sh --x11    # also an X server, for kiosk-x11.service
#
# Python's own packages (PySide6, ...) come from PyPI into the kiosk's venv; see docs/deploy.md.
set -euo pipefail

usage() { echo "usage: $0 [--x11]" >&2; exit 2; }
x11=no
for argument in "$@"; do
    case "$argument" in
        --x11) x11=yes ;;
        *) usage ;;
    esac
done
if [ "$(id -u)" -ne 0 ]; then
    echo "$0: run as root (sudo $0)" >&2
    exit 1
fi

packages=(
    # Python for the kiosk's own virtual environment (Debian 12: 3.11, Ubuntu 24.04: 3.12)
    python3 python3-venv
    # The session: cage (a Wayland kiosk compositor) on a seat that logind hands out
    cage dbus libpam-systemd
    # Graphics: OpenGL/EGL and the Mesa drivers for the actual GPU
    libgl1 libegl1 libopengl0 libgl1-mesa-dri libegl-mesa0
    # What Qt's libraries load besides themselves
    libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
    # Qt's Wayland platform plugin
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    # Qt's X11 (xcb) platform plugin; Qt 6.5 and later need xcb-cursor
    libx11-6 libx11-xcb1 libxcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
    libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
    # Fonts with every Latin letter the cards use (Spanish accents, ¿ ¡, typographic quotes)
    fonts-dejavu-core fonts-noto-core fontconfig
    # Read aloud: Qt's speechd engine talks to speech-dispatcher, which speaks with eSpeak NG;
    # QtTextToSpeech also links PulseAudio's client library, and audio goes out through PipeWire
    speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2 libpulse0
    pipewire-audio alsa-utils
    # Time: signed content expires, so the clock must be right
    systemd-timesyncd
    # Touchscreen setup and checks (libinput list-devices, debug-events)
    libinput-tools
)
if [ "$x11" = yes ]; then
    # An X server started by xinit, for machines whose GPU or screen cage cannot drive
    packages+=(xserver-xorg-core xserver-xorg-input-libinput xinit x11-xserver-utils xinput)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "all ${#packages[@]} packages are installed"
    exit 0
fi
echo "installing: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
