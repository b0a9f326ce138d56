#!/usr/bin/env bash
# `make test-compat`: the whole suite and `make demo` on the QGIS of Debian 13 (trixie, 3.40 LTR)
# and Debian sid (3.44 LTR), each in a debootstrap chroot with QGIS and the Python packages from
# Debian's own archive, as a user of that Debian has them.
#
#   test-compat.sh               build what is missing, test every suite, print the summary
#   test-compat.sh build SUITE   build one chroot (cached, see below)
#   test-compat.sh run SUITE     test one built chroot
#
# Chroots are built once under $COMPAT_CACHE (default /var/cache/wijkdiagnose), outside the clone;
# <suite>.complete beside a chroot marks it complete, anything else there is rebuilt. The Debian
# mirror is the one the host's apt sources use. Mounts live in a private mount namespace and are
# unmounted on every exit (also on error and Ctrl-C). Long logs go to .build/compat/; their tails are
# printed on failure.
#
# Exit status: 0 when every suite passed or was skipped because Debian's archive could not install
# QGIS there (said loudly); 1 when a test or the demo failed in a built chroot.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SHARED=$(cd "$REPO/.." && pwd)/shared
CACHE=${COMPAT_CACHE:-/var/cache/wijkdiagnose}
SUITES=${COMPAT_SUITES:-trixie sid}
LOGS=$REPO/.build/compat
# Inside the chroot the clone and ../shared sit side by side, as in CI (the clone named as the
# plugin, whatever the folder is called here).
CLONE_IN=/work/wijkdiagnose
# What Debian has: QGIS, its providers, the plugin's Python packages (shapely 2 on trixie and sid)
# and the tools `make test` uses. pytest-qgis is not in Debian; make deps takes it from PyPI.
EXTRA_PACKAGES="python3-shapely python3-pytest python3-hypothesis make ca-certificates"

say() { printf '%s\n' "$*"; }
loud() {
    printf '\n%s\n' "################################################################################"
    printf '### %s\n' "$@"
    printf '%s\n\n' "################################################################################"
}

apt_packages() {  # the Makefile's APT_PACKAGES, which `make deps` would install
    make -s --no-print-directory -C "$REPO" --eval 'print-apt-packages: ; @echo $(APT_PACKAGES)' \
        print-apt-packages
}

host_uri() {  # host_uri SUITE: the first URI in the host's apt sources that serves SUITE
    local suite=$1 f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        sed -E 's/\[[^]]*\]//' "$f" | awk -v s="$suite" '$1 == "deb" && $3 == s { print $2; exit }'
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" }
            { types = uris = suites = ""; on = 1
              for (i = 1; i <= NF; i++) {
                  if ($i ~ /^Types:/) types = $i
                  else if ($i ~ /^URIs:/) uris = $i
                  else if ($i ~ /^Suites:/) suites = $i " "
                  else if ($i ~ /^Enabled: *no/) on = 0
              }
              if (on && types ~ /[ \t]deb([ \t]|$)/ && suites ~ ("[ \t]" s "[ \t]")) {
                  split(uris, u, /[ \t]+/); print u[2]; exit
              } }' "$f"
    done
}

host_codename() { (. /etc/os-release && echo "$VERSION_CODENAME"); }

mirror() {
    local uri
    uri=$(host_uri "$(host_codename)" | head -n 1)
    [ -n "$uri" ] || { say "no Debian mirror found in /etc/apt/sources.list(.d)" >&2; exit 1; }
    echo "$uri"
}

# --- mounts --------------------------------------------------------------------------------------

unmount_under() {  # every mount at or below $1, deepest first
    local root=$1
    awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo |
        sort -r | while read -r m; do umount "$m" 2>/dev/null || umount -l "$m"; done
}

mount_system() {  # mount_system ROOT: proc, sys, dev, dev/pts, dev/shm
    local root=$1
    mount -t proc proc "$root/proc"
    mount --bind /sys "$root/sys"
    mount -o remount,bind,ro "$root/sys"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
}

# Runs "$@" in a private mount namespace: whatever it mounts is gone when it exits, however it exits.
in_namespace() { unshare --mount --propagation private "$@"; }

# --- build ---------------------------------------------------------------------------------------

chroot_apt() {  # chroot_apt ROOT ARGS...: apt-get in the chroot, the sid index may be weeks old
    local root=$1; shift
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        LANG=C.UTF-8 apt-get -o Acquire::Check-Valid-Until=false -o APT::Install-Recommends=false \
        -o Dpkg::Use-Pty=false -y -q "$@"
}

sources_for() {  # sources_for SUITE MIRROR: the chroot's sources.list
    local suite=$1 mirror=$2 security
    echo "deb $mirror $suite main"
    if [ "$suite" != sid ] && [ "$suite" != unstable ]; then
        echo "deb $mirror $suite-updates main"
        security=$(host_uri "$(host_codename)-security" | head -n 1)
        [ -z "$security" ] || echo "deb $security $suite-security main"
    fi
}

install_packages() {  # install_packages ROOT: what is missing of the package list (idempotent)
    local root=$1 pkgs
    pkgs="$(apt_packages) $EXTRA_PACKAGES"
    # shellcheck disable=SC2086
    if chroot "$root" dpkg -s $pkgs >/dev/null 2>&1; then return 0; fi
    chroot_apt "$root" update
    # shellcheck disable=SC2086
    chroot_apt "$root" install $pkgs
    chroot_apt "$root" clean
}

build_inner() {  # in the namespace: debootstrap into ROOT.partial, install, move into place
    local suite=$1 root=$2 mirror=$3 partial="$2.partial"
    # shellcheck disable=SC2064
    trap "unmount_under '$partial'" EXIT
    trap 'exit 130' INT TERM
    rm -rf --one-file-system "$partial"
    debootstrap --variant=minbase --include=ca-certificates "$suite" "$partial" "$mirror"
    sources_for "$suite" "$mirror" >"$partial/etc/apt/sources.list"
    printf '#!/bin/sh\nexit 101\n' >"$partial/usr/sbin/policy-rc.d"  # start no services
    chmod +x "$partial/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$partial/etc/resolv.conf"
    mount_system "$partial"
    install_packages "$partial"
    unmount_under "$partial"
    rm -rf --one-file-system "$root"
    mv "$partial" "$root"
}

build() {  # build SUITE: reuse a complete chroot, else build it; 2 = Debian could not install QGIS
    local suite=$1
    local root="$CACHE/$suite" stamp="$CACHE/$suite.complete" log="$LOGS/$suite-build.log"
    local start=$SECONDS
    if [ -f "$stamp" ] && [ -d "$root" ]; then
        return 0
    fi
    mkdir -p "$CACHE" "$LOGS"
    rm -f "$stamp"
    local mirror; mirror=$(mirror)
    say "[$suite] building the chroot from $mirror (log: $log)"
    if ! in_namespace "$0" build-inner "$suite" "$root" "$mirror" >"$log" 2>&1; then
        tail -n 40 "$log"
        loud "$suite: Debian's archive could not install QGIS (debootstrap/apt failed; log above," \
             "full log $log). SKIPPING $suite - this is not a plugin failure."
        return 2
    fi
    {
        echo "built $(date -u +%FT%TZ) in $((SECONDS - start)) s from $mirror"
        chroot "$root" dpkg-query -W -f '${Package} ${Version}\n' qgis python3-shapely python3
    } >"$stamp"
    say "[$suite] chroot built in $((SECONDS - start)) s"
}

# --- run -----------------------------------------------------------------------------------------

copy_clone() {  # copy_clone DEST: the clone as git sees it (tracked and new files, no ignored ones)
    local dest=$1
    # keep the chroot's .venv between runs, as a user's second `make test` would
    find "$dest" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} + 2>/dev/null || true
    mkdir -p "$dest"
    git -C "$REPO" ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$REPO/$f" ] && printf '%s\0' "$f"; done |
        tar -C "$REPO" --null -T - -cf - | tar -C "$dest" -xf -
}

in_chroot() {  # in_chroot ROOT COMMAND: a login-like shell in the clone, environment from scratch
    local root=$1; shift
    local pass=() var
    for var in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY PIP_INDEX_URL \
               PIP_EXTRA_INDEX_URL PIP_DEFAULT_TIMEOUT; do
        [ -z "${!var:-}" ] || pass+=("$var=${!var}")
    done
    # the host's CA bundle (pip through an intercepting proxy needs its CA), beside Debian's own
    local ca=/etc/ssl/certs/host-ca-certificates.crt
    chroot "$root" env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
        LANG=C.UTF-8 TERM=dumb PIP_CERT=$ca SSL_CERT_FILE=$ca REQUESTS_CA_BUNDLE=$ca \
        "${pass[@]}" sh -c "cd '$CLONE_IN' && $*"
}

run_inner() {  # in the namespace: mount, copy, make test, make demo; writes RESULT
    local suite=$1 root=$2 result=$3
    # shellcheck disable=SC2064
    trap "unmount_under '$root'" EXIT
    trap 'exit 130' INT TERM
    mount_system "$root"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/host-ca-certificates.crt"
    if ! install_packages "$root" >"$LOGS/$suite-apt.log" 2>&1; then
        echo "apt=failed" >"$result"
        return 0
    fi
    mkdir -p "$root/work/shared"
    mount --bind "$SHARED" "$root/work/shared"
    mount -o remount,bind,ro "$root/work/shared"
    copy_clone "$root$CLONE_IN"
    local qgis
    qgis=$(chroot "$root" dpkg-query -W -f '${Version}' qgis)
    echo "qgis=${qgis%%+*}" >"$result"
    local rc=0
    in_chroot "$root" make test >"$LOGS/$suite-test.log" 2>&1 || rc=$?
    echo "test_rc=$rc" >>"$result"
    rc=0
    in_chroot "$root" make demo >"$LOGS/$suite-demo.log" 2>&1 || rc=$?
    echo "demo_rc=$rc" >>"$result"
}

koplopers() {  # koplopers LOG: the koploper table `make demo` printed (from its header on)
    sed -n '/^wijk  *koploper/,$p' "$1"
}

counts() {  # counts LOG: passed/failed summed over the pytest runs of `make test`
    grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$1" | awk '
        { for (i = 2; i <= NF; i++) { n = $(i - 1) + 0; w = $i; sub(/,$/, "", w)
              if (w == "passed") p += n; else if (w == "failed" || w ~ /^error/) f += n } }
        END { printf "%d/%d", p, f }'
}

run() {  # run SUITE: test one built chroot; prints nothing but a line, writes $LOGS/SUITE.result
    local suite=$1 root="$CACHE/$1" result="$LOGS/$1.result"
    mkdir -p "$LOGS"
    rm -f "$result"
    in_namespace "$0" run-inner "$suite" "$root" "$result" >"$LOGS/$suite-run.log" 2>&1 || true
    [ -f "$result" ] || echo "run=failed" >"$result"
}

summary_row() {  # summary_row SUITE REFERENCE: one table row; returns 1 on a failure
    local suite=$1 reference=$2 result="$LOGS/$1.result"
    local qgis="-" tests="-" demo="-" same="-" status=0
    if [ ! -f "$result" ] || grep -q '^skipped' "$result"; then
        printf '%-8s %-8s %-16s %-6s %s\n' "$suite" "-" "skipped" "-" "- (Debian could not install QGIS)"
        return 0
    fi
    # shellcheck disable=SC1090
    local apt="" run="" test_rc=1 demo_rc=1; . "$result"
    if [ "$apt" = failed ]; then
        loud "$suite: Debian's archive could not install the packages into the chroot" \
             "(apt failed, log $LOGS/$suite-apt.log). SKIPPED $suite - this is not a plugin failure."
        printf '%-8s %-8s %-16s %-6s %s\n' "$suite" "-" "skipped" "-" "- (apt failed: $LOGS/$suite-apt.log)"
        return 0
    fi
    if [ "$run" = failed ]; then
        printf '%-8s %-8s %-16s %-6s %s\n' "$suite" "?" "chroot failed" "-" "- ($LOGS/$suite-run.log)"
        return 1
    fi
    tests=$(counts "$LOGS/$suite-test.log")
    [ "$test_rc" = 0 ] || { tests="$tests FAIL"; status=1; }
    if [ "$demo_rc" = 0 ]; then demo=ok; else demo=FAIL; status=1; fi
    if [ "$demo_rc" = 0 ] && [ -s "$reference" ] &&
        cmp -s "$reference" <(koplopers "$LOGS/$suite-demo.log"); then
        same=yes
    else
        same=no; status=1
    fi
    printf '%-8s %-8s %-16s %-6s %s\n' "$suite" "$qgis" "$tests" "$demo" "$same"
    return $status
}

failure_tails() {  # the end of each log that failed
    local suite log
    for suite in $SUITES; do
        local test_rc=0 demo_rc=0 run=""
        # shellcheck disable=SC1090
        [ -f "$LOGS/$suite.result" ] && . "$LOGS/$suite.result"
        for log in run test demo; do
            case $log in
                run) [ "$run" = failed ] || continue ;;
                test) [ "$test_rc" != 0 ] || continue ;;
                demo) [ "$demo_rc" != 0 ] || continue ;;
            esac
            printf '\n----- %s (last 40 lines) -----\n' "$LOGS/$suite-$log.log"
            tail -n 40 "$LOGS/$suite-$log.log" 2>/dev/null || true
        done
    done
}

suite() {  # suite SUITE: build (or reuse) its chroot, then test it
    local rc=0
    build "$1" || rc=$?
    if [ "$rc" = 0 ]; then run "$1"; else echo "skipped=build" >"$LOGS/$1.result"; fi
}

main() {
    [ "$(id -u)" = 0 ] || { say "test-compat needs root (debootstrap, chroot, mount)" >&2; exit 1; }
    mkdir -p "$LOGS"
    local suite pids=() start=$SECONDS reference="$LOGS/koplopers-host.txt"
    # the 3.22 table: `make demo` on this host (the Makefile runs it first into host-demo.log)
    koplopers "$LOGS/host-demo.log" >"$reference" 2>/dev/null || true
    # Each suite in parallel, in its own process group (Ctrl-C ends exactly those), with its own
    # logs and mounts.
    trap 'for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null; done; wait
          say "test-compat interrupted: both suites stopped, their mounts are gone"; exit 130' INT TERM
    for suite in $SUITES; do
        setsid "$0" suite "$suite" >"$LOGS/$suite-main.log" 2>&1 &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    trap - INT TERM
    for suite in $SUITES; do cat "$LOGS/$suite-main.log"; done
    local status=0 host_qgis
    host_qgis=$(dpkg-query -W -f '${Version}' qgis 2>/dev/null || echo "?")
    say ""
    say "QGIS version matrix ($((SECONDS - start)) s; logs in $LOGS)"
    printf '%-8s %-8s %-16s %-6s %s\n' suite QGIS "passed/failed" demo "koplopers = 3.22 ($host_qgis)"
    for suite in $SUITES; do summary_row "$suite" "$reference" || status=1; done
    [ -s "$reference" ] || say "(no 3.22 koploper table: $LOGS/host-demo.log is missing or empty)"
    local passed=0 failed=0 pf
    for suite in $SUITES; do  # the suites that ran their tests this time
        grep -qs '^test_rc=' "$LOGS/$suite.result" || continue
        pf=$(counts "$LOGS/$suite-test.log")
        passed=$((passed + ${pf%/*})) failed=$((failed + ${pf#*/}))
    done
    say "test-compat: $passed passed, $failed failed"
    [ "$status" = 0 ] || failure_tails
    return $status
}

# In braces with the exit, so bash has read all of it before it runs (safe to edit meanwhile).
{
    case "${1:-all}" in
        all) main ;;
        suite) shift; suite "$@" ;;
        build) shift; build "$@" ;;
        run) shift; run "$@" ;;
        build-inner) shift; build_inner "$@" ;;
        run-inner) shift; run_inner "$@" ;;
        *) say "usage: $0 [build SUITE | run SUITE]" >&2; exit 2 ;;
    esac
    exit
}
