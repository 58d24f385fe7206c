/* face-detect.h -- Viola-Jones faces and eyes over the Haar cascades of opencv-data. */
#ifndef SSCARD_FACE_DETECT_H
#define SSCARD_FACE_DETECT_H

#include "photo/image.h"

struct cascade;

/* The cascades one detection needs; the fallbacks are read on first use. */
struct detector {
	char		*dir;
	struct cascade	*alt2;
	struct cascade	*deflt;
	struct cascade	*eye;
	struct cascade	*glasses;	/* eyes behind glasses */
	int		 deflt_tried, glasses_tried;
	double		 min_share;	/* smallest face, share of the short side; 0: 0.2 */
	/*
	 * Set: face_search_end finds the faces only, their eyes left to
	 * face_eyes (a caller can run it beside other work) and, where those
	 * are not found, to face_turned.
	 */
	int		 eyes_apart;
};

/* One face, in the pixels of the image given to face_detect. */
struct face {
	double	x, y, w, h;	/* box, axis-aligned in the view it was found in */
	double	angle;		/* degrees the image was turned to find it; 0 upright */
	int	neighbours;	/* raw detections merged into the box */
	int	eyes_found;	/* 1: both eye centres come from an eye cascade */
	const char *eyes_how;	/* NULL: the eye cascade; "eyeglasses" */
	double	lx, ly;		/* eye on the image's left (the subject's right) */
	double	rx, ry;		/* eye on the image's right */
};

struct faces {
	struct face	*v;	/* largest first */
	int		 n;
	const char	*how;	/* untranslated: "alt2", "default", "alt2 rotated" */
};

/*
 * Loads the frontal-face (alt2) and eye cascades from dir (NULL: CASCADE_DIR).
 * Returns 0, or -1 with *cause naming the missing file and the Debian
 * package opencv-data; caller frees.  Free d with detector_free.
 */
int	detector_load(struct detector *, const char *, char **);
void	detector_free(struct detector *);
/* Parses the cascade file dir/file and frees it: 0, or -1 with *cause naming the bad element. */
int	cascade_try(const char *, const char *, char **);

/*
 * Finds the frontal faces in im (alt2 first, then the default cascade on an
 * equalised image, then both on the image turned by +-18 degrees) and the eye
 * centres inside each (the eyeglasses cascade where the eye cascade finds
 * none).  Faces under d->min_share of the short side, or whose area is under
 * 0.3 of the largest, are dropped; an image too small for the cascade's
 * window has none.  Fills *out (free with faces_free); returns the number of
 * faces.
 */
int	face_detect(struct detector *, const struct image *, struct faces *);

/*
 * face_detect for a w x h photo whose rows come in from the top while it is
 * decoded (in another thread): face_search_rows says rows [0, rows) of im
 * are final; face_search_end takes the rest, finishes as face_detect does,
 * fills *out and frees the search.  The result is face_detect's.
 */
struct face_search;
struct face_search *face_search_begin(struct detector *, int, int);
void	face_search_rows(struct face_search *, const struct image *, int);
int	face_search_end(struct face_search *, const struct image *, struct faces *);
/*
 * The eyes of face fc of im (its box in im's pixels), as face_detect finds
 * them: from the eye cascade, else the eyeglasses one; else placed where
 * eyes usually are, eyes_found 0.
 */
void	face_eyes(struct detector *, const struct image *, struct face *);
/*
 * The faces of im found with both eyes in views of it turned by +-18
 * degrees (a rolled head), as face_detect looks for them when the upright
 * view shows no eyes; fills *out (free with faces_free), returns their number.
 */
int	face_turned(struct detector *, const struct image *, struct faces *);
/* Frees a search that will not be ended (the photo did not decode). */
void	face_search_free(struct face_search *);
void	faces_free(struct faces *);

#endif
