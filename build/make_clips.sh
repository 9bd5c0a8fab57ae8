#!/usr/bin/env bash
# Makes the three tiny demo clips in resources/demo/clips/ (H.264 + AAC in .mp4, 320x180,
# about 4 s, well under 150 KB each) and their bilingual .srt subtitles.
#
# Not run at build time: the clips are committed. This records exactly how they were made;
# the output is bit-exact, so rerunning it with the same ffmpeg build gives the same bytes.
# Needs ffmpeg (Debian 12: 5.1) with libx264 and drawtext, and fonts-noto-cjk.
# Usage: bash build/make_clips.sh
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/resources/demo/clips"
font="${CLIP_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
mkdir -p "$out"

# make_clip NAME SECONDS TONE_HZ VIDEO_SOURCE ZH_TEXT EN_TEXT
make_clip() {
    local name="$1" seconds="$2" tone="$3" source="$4" zh="$5" en="$6"
    # A source with options of its own ("color=c=...") takes the size after a colon.
    local sep="="
    [[ "$source" == *=* ]] && sep=":"
    local text="fontfile=$font:fontcolor=white:borderw=2:bordercolor=black"
    ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "$source${sep}size=320x180:rate=15:duration=$seconds" \
        -f lavfi -i "sine=frequency=$tone:sample_rate=22050:duration=$seconds" \
        -vf "drawtext=$text:fontsize=26:x=(w-tw)/2:y=h/2-34:text='$zh',\
drawtext=$text:fontsize=16:x=(w-tw)/2:y=h/2+4:text='$en',\
drawtext=$text:fontsize=14:x=w-tw-8:y=h-th-8:text='%{pts\\:hms}'" \
        -c:v libx264 -preset veryslow -crf 34 -pix_fmt yuv420p -profile:v main \
        -g 30 -bf 2 \
        -c:a aac -b:a 24k -ac 1 \
        -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
        -movflags +faststart \
        -shortest "$out/$name.mp4"
}

make_clip science 4 440 testsrc2 "身边的科学" "Science around us"
make_clip skills 4 523 smptebars "职场技能" "Skills for work"
make_clip wellness 5 392 "color=c=0x2e7d32" "健康生活" "Living well"

# Two cues each: a Chinese line and an English line, timed to the clip.
cat >"$out/science.srt" <<'EOF'
1
00:00:00,000 --> 00:00:02,000
欢迎来到身边的科学。
Welcome to science around us.

2
00:00:02,000 --> 00:00:04,000
科学就在我们的日常生活里。
Science is part of everyday life.
EOF

cat >"$out/skills.srt" <<'EOF'
1
00:00:00,000 --> 00:00:02,000
学习新技能，工作更从容。
Learn new skills and work with ease.

2
00:00:02,000 --> 00:00:04,000
每天进步一点点。
A little progress every day.
EOF

cat >"$out/wellness.srt" <<'EOF'
1
00:00:00,000 --> 00:00:02,500
放松肩膀，慢慢呼吸。
Relax your shoulders and breathe slowly.

2
00:00:02,500 --> 00:00:05,000
健康生活从今天开始。
A healthy life starts today.
EOF

ls -l "$out"
