#!/usr/bin/env bash
# Makes the demo's small media files (committed in scripts/seed/media), so the demo ships real files of each
# kind without downloading any: a one-page PDF, a 6-second MP4 (H.264) and MP3, and a PNG poster.
# Needs Debian's ffmpeg (apt-get install -y ffmpeg); only developers run it, the app and tests do not.
set -euo pipefail
cd "$(dirname "$0")/seed/media"
ffmpeg -loglevel error -y -f lavfi -i "testsrc=size=320x180:rate=15:duration=6" -c:v libx264 -pix_fmt yuv420p -movflags +faststart -g 15 demo.mp4
ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=440:duration=6" -c:a libmp3lame -b:a 32k demo.mp3
ffmpeg -loglevel error -y -f lavfi -i "testsrc=size=320x180" -frames:v 1 demo.png
# A minimal PDF written by hand (one page of text); offsets in the xref table are computed.
python3 - <<'PY'
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
]
text = b"BT /F1 24 Tf 72 760 Td (Tan An STEM - Chuyen doi so) Tj 0 -36 Td /F1 14 Tf (Tai lieu mau cho du lieu demo.) Tj ET"
objs.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("demo.pdf", "wb").write(bytes(out))
PY
ls -l
