#!/bin/sh
# kit-each-channel.sh -- every channel in every language ends with the application kit:
# its files, their modes, the checked photo byte for byte, the print sheet, and
# a summary that names the next steps; nothing queued, nothing left behind.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kit/lib-kit.sh"

make_passing_photo "$T/photo.jpg"

for lang in en zh_CN zh_TW es; do
	for ch in 0 1 2; do
		walk_keys "$lang" $ch 0 "$T/photo.jpg<Enter>" "" "$PAGE_KEYS" > "$T/keys"
		run_sscard
		assert_status 0
		d=$(kit_dir)
		check_kit "$d" "$T/photo.jpg"
		grep -qF "$d" "$T/out" || fail "$lang/$ch: stdout does not name the kit: $(cat "$T/out")"
		# Next steps on the screen and in the summary, in the language chosen.
		assert_snap receipt "$(tr_ "$lang" 'Save the kit')" "$(tr_ "$lang" 'Finish')"
		assert_snap receipt "$(tr_ "$lang" 'sscard is not an official channel of the social security bureau: it helps you prepare. The application is made through one of the official channels below.' | cut -c1-12)"
		assert_summary "$d" "$(tr_ "$lang" 'Next steps:')" 12333
		case $ch in
		0) assert_summary "$d" $(term "$lang" 国家政务服务平台 掌上12333 \
		    电子社保卡 支付宝 社保卡信息变更) photo.jpg ;;
		1) assert_summary "$d" 立等可取 print-sheet.jpg \
		    "$(tr_ "$lang" 'The new card must be activated before use: its financial account at the bank, and its social security functions where your region asks for it.')" ;;
		2) assert_summary "$d" $(term "$lang" 回执单 补换卡证明 手工报销) print-sheet.jpg \
		    "$(tr_ "$lang" 'From 4 working days (one source) to %d working days (another): check with your local office.' | sed 's/%d/15/')" ;;
		esac
		assert_steps_shown "$d" "$lang"
		# No backend: nothing is queued, the run's folder is gone.
		[ ! -e "$HOME/.local/share/sscard/outbox" ] || fail "$lang/$ch: something was queued"
		[ -z "$(ls "$XDG_RUNTIME_DIR")" ] || fail "$lang/$ch: the workspace is left: $(ls "$XDG_RUNTIME_DIR")"
		rm -rf "$HOME/sscard"
	done
done

# The review shows the photo, not a path; Back to the photo step keeps what was typed.
walk_keys en 0 0 "~/p.jpg<Enter><F3><F2><F2>" "" "" > "$T/keys"
cp "$T/photo.jpg" "$HOME/p.jpg"
run_sscard
assert_snap review "$(tr_ en 'checked (on the right)')"
refute_snap review "p.jpg"
grep -q -- "-review cursor=[0-9,]* graphics=[a-z]* box=" "$T/shots/index" ||
	fail "no photo preview on the review"
assert_snap photo "[~/p.jpg"

# The last step's help names every button there: the QR code once there is a reference.
walk_keys en 0 0 "$T/photo.jpg<Enter>" "" "<Enter><F1><Esc><Enter>" > "$T/keys"
run_sscard
assert_status 0
assert_snap help "Help: $(tr_ en 'Your application kit and next steps')" \
    '"QR code for a helper"' '"Print"'
rm -rf "$HOME/sscard"
echo "kit channels OK"
