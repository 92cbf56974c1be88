#!/usr/bin/env bash
# What a day's backup costs once the store holds photos (issue 12: "daily backups stay cheap,
# do not copy unchanged photos seven times"). A demo store gets PHOTOS extra photos of
# SIZE_MB each (random bytes behind a JPEG header, recorded as the report form records them:
# one file per content in the store's photo folder, its SHA-256 in the photos table). Then
# seven backups go into one folder, one per day, as the daily copy does; each is timed and
# the folder's growth measured. The first copies every photo; the next six copy none.
# Prints a line per day and the ratio of a later day's time to the first's. No target is
# asserted: the figures go in the README.
#
#   bench/backup-photos.sh
#   PHOTOS=300 SIZE_MB=4 bench/backup-photos.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
photos="${PHOTOS:-200}"
size_mb="${SIZE_MB:-3}"
cargo build --release --bin xungkich --manifest-path "$root/Cargo.toml" >&2
bin="$root/target/release/xungkich"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/data/xungkich.db"
"$bin" --db "$db" --now 2022-05-07T14:00 demo >/dev/null

python3 - "$db" "$photos" "$size_mb" <<'PY'
import hashlib, os, sqlite3, sys
db, n, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) * 1024 * 1024
pool = db + ".photos"
c = sqlite3.connect(db)
report = c.execute("SELECT id FROM reports ORDER BY id LIMIT 1").fetchone()[0]
for i in range(n):
    data = b"\xff\xd8\xff\xe0" + os.urandom(size - 4)
    sha = hashlib.sha256(data).hexdigest()
    name = f"{sha}.jpg"
    with open(os.path.join(pool, name), "wb") as f:
        f.write(data)
    os.chmod(os.path.join(pool, name), 0o600)
    c.execute(
        "INSERT INTO photos (report_id, path, sha256, original_name, media_type, bytes, added_at)"
        " VALUES (?, ?, ?, ?, 'image/jpeg', ?, '2022-05-07T14:00:00+07:00')",
        (report, name, sha, f"IMG_{i:04d}.jpg", size),
    )
c.commit()
PY

folder="$work/backups"
mkdir -p "$folder"
kib() { du -sk "$folder" | cut -f1; }
first_ms=""
total_store=$(du -sk "$db.photos" | cut -f1)
echo "store: $photos photos of $size_mb MB added to the demo's ($total_store KiB of photos)"
for day in 1 2 3 4 5 6 7; do
    before=$(kib)
    t0=$(date +%s%N)
    "$bin" --db "$db" --now 2022-05-07T14:00 backup "$folder/xungkich-2022-05-0$day.db" >"$work/said"
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    grew=$(($(kib) - before))
    echo "day $day: ${ms} ms, folder grew ${grew} KiB — $(tail -1 "$work/said")"
    if [ -z "$first_ms" ]; then first_ms=$ms; else last_ms=$ms; fi
done
echo "later day / first day: $(python3 -c "print(f'{$last_ms / max($first_ms, 1):.3f}')")"
echo "folder after 7 days: $(kib) KiB (photos once: $total_store KiB)"
