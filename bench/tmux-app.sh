# Shared by bench/startup.sh, bench/memory.sh and bench/idle.sh (sourced, not run): builds the
# release binary, makes the stores, and runs the real app in a private tmux server.
#
# Stores: the demo store (scale 1) is built in a temporary folder each run; the large one
# (518 units, 100,000 initiatives, 1,000,000 figure rows: ≈20 s) too, unless
# XUNGKICH_BENCH_DB names one made by
#   xungkich demo --scale 14 --initiatives 100000 --figure-rows 1000000 --db PATH
# (it is only read: the app opens it with a fixed clock and writes nothing by itself, but
# its daily backup goes to the temporary data folder below, not the user's).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"
sock="$work/tmux.sock"
NOW="2022-05-07T14:00"

cleanup() {
    tmux -S "$sock" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

build() {
    cargo build --release --bin xungkich >&2
    bin="$target/release/xungkich"
}

machine() {
    local cpu
    cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
    echo "machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
}

# store demo|large: prints the path of a store of that scale.
store() {
    case "$1" in
        demo)
            "$bin" --db "$work/demo.db" demo >&2
            echo "$work/demo.db"
            ;;
        large)
            if [ -n "${XUNGKICH_BENCH_DB:-}" ]; then
                echo "$XUNGKICH_BENCH_DB"
            else
                echo "building the large store (≈20 s)…" >&2
                "$bin" --db "$work/large.db" demo --scale 14 --initiatives 100000 \
                    --figure-rows 1000000 >&2
                echo "$work/large.db"
            fi
            ;;
    esac
}

# start DB [ARGS…]: the app in a 120×40 tmux pane (its pid is the pane's: exec), its data
# folder (daily backup) private. ARGS go to xungkich, e.g. --now "$NOW".
start() {
    local db="$1"
    shift
    mkdir -p "$work/home"
    tmux -S "$sock" -f /dev/null -u new-session -d -s app -x 120 -y 40 \
        "exec env HOME='$work/home' XDG_DATA_HOME='$work/home' '$bin' --db '$db' $*"
    pid="$(tmux -S "$sock" display-message -p -t app '#{pane_pid}')"
}

stop() {
    tmux -S "$sock" send-keys -t app q 2>/dev/null || true
    sleep 0.3
    tmux -S "$sock" kill-server 2>/dev/null || true
    # The app we started, by its pid, should it outlive its terminal.
    if [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; then
        sleep 0.5
        kill -9 "$pid" 2>/dev/null || true
    fi
    pid=""
}

screen() {
    tmux -S "$sock" capture-pane -p -t app
}

# wait_for TEXT [SECONDS]: polls the screen every 10 ms until it shows TEXT.
wait_for() {
    local deadline=$((SECONDS + ${2:-60}))
    until screen | grep -qF -- "$1"; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "timed out waiting for '$1'; screen:" >&2
            screen >&2
            return 1
        fi
        sleep 0.01
    done
}

key() {
    tmux -S "$sock" send-keys -t app "$@"
}

# What each tab shows once drawn (Vietnamese interface).
TAB_MARKERS=("" "┌ Kế hoạch" "Thiếu" "Giai đoạn" "Số liệu │ Đăng ký" "chỉ tiêu:")
