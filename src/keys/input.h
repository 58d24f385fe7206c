/* input.h -- where keys come from: a key script, or (tui/keyboard.c) the keyboard; --record writes them. */
#ifndef SSCARD_KEYS_INPUT_H
#define SSCARD_KEYS_INPUT_H

#include <stdio.h>

#include "keys/key.h"
#include "keys/keyscript.h"

struct input {
	int			 replay;	/* 1: keys come from `script` */
	struct keyscript	 script;
	FILE			*record;	/* temp file, renamed to record_path at close */
	char			*record_tmp;
	char			*record_path;
	int			 record_cleanup; /* signals_on_exit handle */
};

/* Loads the key script (if path is not NULL); errors name line and column. */
int	input_open(struct input *, const char *, char **);
/*
 * Records typed keys into a 0600 temp file beside path, renamed into place
 * by input_close.  A run that ends before that (a signal, fatal()) removes
 * the temp file: it holds what was typed, the ID number too.
 */
int	input_record(struct input *, const char *, char **);
/* The next key of the script: 0, or -1 when it ran out. */
int	input_scripted(struct input *, struct key *);
/* Writes a key typed at the keyboard to the recording, if there is one. */
void	input_typed(struct input *, const struct key *);
/* Closes; a recording is fsynced and renamed into place.  Returns -1 on write error. */
int	input_close(struct input *, char **);

#endif
