/* photo.h -- a citizen's photo: load, check against a profile, fix. */
#ifndef SSCARD_PHOTO_H
#define SSCARD_PHOTO_H

#include <stddef.h>
#include <stdint.h>

/* 8-bit RGB pixels, rows packed (stride = 3 * w). */
struct image {
	int		 w, h;
	uint8_t		*px;
};

enum photo_format { PHOTO_JPEG, PHOTO_PNG };

/* What the file says about itself, read from its header. */
struct photo_info {
	enum photo_format	 format;
	int			 width, height;	/* as stored, before orientation */
	int			 components;	/* 1 grey, 3 colour, 4 CMYK/YCCK */
	long			 file_size;
};

/*
 * Reads only the header of path and says whether it is a JPEG or PNG sscard
 * can load.  Returns 0, or -1 with *cause naming the file; caller frees.
 */
int	photo_probe(const char *, struct photo_info *, char **);

#endif
