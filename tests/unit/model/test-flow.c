/* test-flow.c -- what the shared flow gives both front ends to show: the review's rows, the
 * step heading, the materials' rows and checklist, the draft's question. */
#include "lib/system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../tmpdir.h"

#include "lib/config.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "model/application.h"
#include "model/flow.h"
#include "model/materials.h"
#include "model/session.h"
#include "model/wizard.h"

/* A session in English with this configuration text (a card service or none). */
static void
open_session(struct session *s, struct config *cfg, const char *conf)
{
	char *cause = NULL, *path = xasprintf("%s/sscard.conf", dir);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(conf, f);
	assert_int_equal(fclose(f), 0);
	config_init(cfg);
	assert_int_equal(config_load_file(cfg, path, &cause), 0);
	free(path);
	session_init(s, cfg);
	session_set_language(s, "en");
	application_set(&s->model.name, "Zhang San");
	application_set(&s->model.id_number, "11010519491231002X");
	application_set(&s->model.phone, "13800138000");
	application_set(&s->model.photo_path, "~/p.jpg");
	s->model.channel = CHANNEL_BANK;
}

static void
close_session(struct session *s, struct config *cfg)
{
	session_free(s);
	config_free(cfg);
}

/* The row with this label, or NULL. */
static const char *
row(const struct flow_review *r, const char *label)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->rows[i].label, label) == 0)
			return (r->rows[i].value);
	return (NULL);
}

/* Without a card service no number is asked, so none is shown, and the kit is made. */
static void
review_without_service(void **state)
{
	struct session s;
	struct config cfg;
	struct flow_review r;

	(void)state;
	open_session(&s, &cfg, "");
	flow_review_open(&s, 1, 0, &r);
	assert_int_equal(r.numbers, 0);
	assert_null(row(&r, "ID number:"));
	assert_null(row(&r, "Mobile number:"));
	assert_null(row(&r, "Current card:"));
	assert_string_equal(row(&r, "Full name:"), "Zhang San");
	assert_string_equal(row(&r, "Photo:"), "~/p.jpg (checked)");
	assert_non_null(strstr(r.heading, "kit"));
	flow_review_free(&r);
	close_session(&s, &cfg);
}

/* With one, the ID number is masked unless asked for, then grouped for reading back. */
static void
review_with_service(void **state)
{
	struct session s;
	struct config cfg;
	struct flow_review r;

	(void)state;
	open_session(&s, &cfg, "[backend]\nbase_url = https://card.example\n");
	s.model.card_lost = 1;
	s.model.photo_fixed = 1;
	flow_review_open(&s, 0, 1, &r);
	assert_int_equal(r.numbers, 1);
	assert_null(strstr(row(&r, "ID number:"), "19491231"));
	assert_string_equal(row(&r, "Mobile number:"), "13800138000");
	assert_non_null(row(&r, "Current card:"));
	assert_string_equal(row(&r, "Photo:"), "fixed by sscard and checked (on the right)");
	assert_non_null(strstr(r.heading, "queued"));
	assert_non_null(strstr(r.consent, "card.example"));
	flow_review_free(&r);
	flow_review_open(&s, 1, 1, &r);
	assert_string_equal(row(&r, "ID number:"), "110105 1949 1231 002X");
	flow_review_free(&r);
	close_session(&s, &cfg);
}

/* A studio's receipt number stands for the photo. */
static void
review_receipt_number(void **state)
{
	struct session s;
	struct config cfg;
	struct flow_review r;

	(void)state;
	open_session(&s, &cfg, "");
	application_set(&s.model.photo_receipt, "SZ20261201A8");
	flow_review_open(&s, 0, 1, &r);
	assert_non_null(strstr(row(&r, "Photo:"), "SZ20261201A8 (a photo studio's receipt"));
	flow_review_free(&r);
	close_session(&s, &cfg);
}

/* Every screen's first line, and the warning when certificates are not checked. */
static void
heading_says_insecure(void **state)
{
	struct session s;
	struct config cfg;
	char *h;

	(void)state;
	open_session(&s, &cfg, "[backend]\nbase_url = https://card.example\n");
	h = wizard_heading(&s, 0);
	assert_non_null(strstr(h, "Step 1 of "));
	assert_null(strstr(h, "INSECURE"));
	free(h);
	close_session(&s, &cfg);
	open_session(&s, &cfg, "[backend]\nbase_url = https://card.example\ninsecure = yes\n");
	h = wizard_heading(&s, 0);
	assert_non_null(strstr(h, "!! INSECURE"));
	free(h);
	close_session(&s, &cfg);
}

/* A lost card makes the items that need the card unneeded: "[-]", and said why. */
static void
materials_rows(void **state)
{
	struct session s;
	struct config cfg;
	const struct material *items;
	const char *mark;
	char *t;
	int n, i, dashed = 0;

	(void)state;
	open_session(&s, &cfg, "");
	items = materials_for(s.model.channel, &n);
	s.model.ticked[s.model.channel] = 1;
	t = flow_material(&s, 0, &mark);
	assert_string_equal(mark, "[x]");
	free(t);
	s.model.card_lost = 1;
	for (i = 0; i < n; i++) {
		t = flow_material(&s, i, &mark);
		if (material_not_needed(&items[i], 1)) {
			assert_string_equal(mark, "[-]");
			assert_non_null(strstr(t, "not needed"));
			dashed++;
		} else
			assert_string_not_equal(mark, "[-]");
		free(t);
	}
	assert_true(dashed > 0);
	close_session(&s, &cfg);
}

/* The checklist is saved nowhere in a kiosk, and never to an empty name. */
static void
checklist_refused(void **state)
{
	struct session s;
	struct config cfg;
	char *cause = NULL;

	(void)state;
	open_session(&s, &cfg, "");
	assert_null(flow_save_checklist(&s, "", &cause));
	assert_non_null(strstr(cause, "file name"));
	free(cause);
	cause = NULL;
	s.kiosk.enabled = 1;
	assert_null(flow_save_checklist(&s, "list.txt", &cause));
	assert_non_null(strstr(cause, "kiosk"));
	free(cause);
	s.kiosk.enabled = 0;
	close_session(&s, &cfg);
}

/* The draft is offered by masked name and time only. */
static void
draft_question(void **state)
{
	struct session_draft d = { "Z*", 0 };
	char *q;

	(void)state;
	q = session_draft_question(&d);
	assert_non_null(strstr(q, "Answers of Z*, saved 1970-01-01 00:00"));
	free(q);
	assert_string_not_equal(session_draft_answer(0), session_draft_answer(1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(review_without_service),
		cmocka_unit_test(review_with_service),
		cmocka_unit_test(review_receipt_number),
		cmocka_unit_test(heading_says_insecure),
		cmocka_unit_test(materials_rows),
		cmocka_unit_test(checklist_refused),
		cmocka_unit_test(draft_question),
	};

	setenv("TZ", "UTC", 1);
	i18n_init("en");
	return (cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown));
}
