# folders.sh -- folders named on the command line or in the configuration are
# never chmodded, are refused when others can change them, and their files are
# never reached through a symbolic link; the log keeps to its promises.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/net/lib-net.sh"

keys "<Esc>y"

# --snapshot into an existing folder: used as it is, its mode kept.
mkdir -m 755 "$T/shots755"
"$SSCARD" --replay "$T/keys" --snapshot "$T/shots755" >"$T/out" 2>"$T/err"
expect "--snapshot 755: exit status" 3 "$?"
expect "--snapshot 755: mode" 755 "$(mode_of "$T/shots755")"
[ -s "$T/shots755/index" ] || fail "--snapshot 755: no index"
expect "--snapshot 755: index mode" 600 "$(mode_of "$T/shots755/index")"

# A folder everybody can write to, like /tmp: refused, and left as it was.
mkdir "$T/shared" && chmod 1777 "$T/shared"
"$SSCARD" --replay "$T/keys" --snapshot "$T/shared" >"$T/out" 2>"$T/err"
expect "--snapshot 1777: exit status" 1 "$?"
grep -q "other users" "$T/err" || fail "--snapshot 1777: $(cat "$T/err")"
expect "--snapshot 1777: mode" 1777 "$(mode_of "$T/shared")"
[ -z "$(ls -A "$T/shared")" ] || fail "--snapshot 1777: files were written"

# DIR/index planted as a symbolic link: refused, its target untouched.
mkdir -m 700 "$T/trap"
printf 'keep\n' >"$T/victim"
ln -s "$T/victim" "$T/trap/index"
"$SSCARD" --replay "$T/keys" --snapshot "$T/trap" >"$T/out" 2>"$T/err"
[ $? -ne 0 ] || fail "--snapshot with a symlinked index: accepted"
grep -q "symbolic link" "$T/err" || fail "--snapshot symlink: $(cat "$T/err")"
expect "--snapshot symlink: victim" keep "$(cat "$T/victim")"

# [outbox] dir: an existing folder keeps its mode; one others can write is refused.
mkdir -m 750 "$T/ob750"
printf '[outbox]\ndir = %s\n' "$T/ob750" >"$T/o750.conf"
"$SSCARD" --config "$T/o750.conf" outbox list >"$T/out" 2>&1 || fail "outbox 750: $(cat "$T/out")"
expect "[outbox] dir 750: mode" 750 "$(mode_of "$T/ob750")"
mkdir -m 777 "$T/ob777" && chmod 777 "$T/ob777"
printf '[outbox]\ndir = %s\n' "$T/ob777" >"$T/o777.conf"
"$SSCARD" --config "$T/o777.conf" outbox list >"$T/out" 2>&1
expect "[outbox] dir 777: exit status" 1 "$?"
grep -q "other users" "$T/out" || fail "outbox 777: $(cat "$T/out")"
expect "[outbox] dir 777: mode" 777 "$(mode_of "$T/ob777")"

# [sscard] log: 0600, one line per event, ID numbers masked, no name or token.
make_ca
make_photo "$T/photo.jpg"
start_server log --token s3cret-t0ken
write_conf "$T/log.conf" "$PORT" "token = s3cret-t0ken" "[sscard]" "log = $T/logs/sscard.log"
mkdir -m 700 "$T/logs"
"$HELPER" "$T/outbox" "$T/photo.jpg" 2 >"$T/ids" || fail "queue-helper failed"
"$SSCARD" --config "$T/log.conf" outbox flush >"$T/out" 2>&1 || fail "log: flush: $(cat "$T/out")"
expect "log: mode" 600 "$(mode_of "$T/logs/sscard.log")"
expect "log: sent lines" 2 "$(grep -c ': sent .*receipt R00000' "$T/logs/sscard.log")"
grep -q "王小明\|s3cret\|110105194912310\|13800138000" "$T/logs/sscard.log" &&
    fail "log: personal data or the token: $(cat "$T/logs/sscard.log")"
# An existing log others can read, or one reached through a link: refused.
chmod 644 "$T/logs/sscard.log"
"$SSCARD" --config "$T/log.conf" outbox list >"$T/out" 2>&1
expect "log 644: exit status" 2 "$?"
expect "log 644: mode" 644 "$(mode_of "$T/logs/sscard.log")"
chmod 600 "$T/logs/sscard.log"
mv "$T/logs/sscard.log" "$T/logs/real.log"
ln -s "$T/logs/real.log" "$T/logs/sscard.log"
"$SSCARD" --config "$T/log.conf" outbox list >"$T/out" 2>&1
expect "log symlink: exit status" 2 "$?"
grep -q "symbolic link" "$T/out" || fail "log symlink: $(cat "$T/out")"
stop_server
exit 0
