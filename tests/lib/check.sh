# check.sh - the assertion of the shell tests, sourced after `set -u`:
#   check WHAT 'CONDITION'   evaluates CONDITION; counts a pass, or a failure
#                            and prints "FAIL: WHAT"
#   check_done               prints the counts; its status is 0 when nothing failed
pass=0 fail=0

check() {
    if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

check_done() {
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
}
