#!/usr/bin/env bash
# Screenshots of the real window for every preset (light), and a few in the dark theme and in
# classroom mode, into assets/screenshots/. Each starts the jar with its own settings file (the
# preset and theme to open), presses Play (space) and shoots a few seconds later.
# Needs: a built target/kmlab.jar; xvfb, xdotool, imagemagick (see ../shared/tools/shot).
# Usage: tools/screenshots.sh [SHOT_TOOL]   (default ../shared/tools/shot)
set -eu
shot=${1:-../shared/tools/shot}
out=assets/screenshots
mkdir -p "$out"
take() {   # take NAME PRESET THEME SECONDS_AFTER_PLAY [extra xdotool keys before Play]
    local name=$1 preset=$2 theme=$3 wait=$4; shift 4
    local home; home=$(mktemp -d)
    mkdir -p "$home/.config/kmlab"
    printf '{"presetId":"%s","theme":"%s","width":1600,"height":1000,"maximized":true}\n' "$preset" "$theme" > "$home/.config/kmlab/settings.json"
    HOME=$home XDG_CONFIG_HOME= "$shot" "$out/$name.png" 10 -- "$@" key space sleep "$wait"
    rm -rf "$home"
}
for f in presets/*.json; do
    p=$(basename "$f" .json)
    take "$p" "$p" light 8
done
take birth-death-dark birth-death dark 8
take predator-prey-dark predator-prey dark 10
take birth-death-classroom birth-death light 8 key F11 sleep 1
take predator-prey-classroom-dark predator-prey dark 10 key F11 sleep 1
