/* photo/scene.h -- a photo analysed: the face, the head and the background measured (scene.c). */
#ifndef SSCARD_PHOTO_SCENE_H
#define SSCARD_PHOTO_SCENE_H

#include <stdint.h>

#include "photo/face-detect.h"
#include "photo/load.h"
#include "photo/mesh.h"

struct config;
struct photo_profile;

/* What the analysis found, in the pixels of im; file pixels = im pixels * scale. */
struct photo_scene {
	struct image		 im;
	struct photo_info	 info;
	double			 scale;
	char			*detector_cause;	/* set when the cascades are missing */
	/* Set when a network is installed but cannot run (damaged). */
	char			*network_cause;
	int			 nfaces;
	struct face		 face;		/* the largest face */
	double			 ied;		/* distance between the eye centres */
	double			 roll;		/* eye-line angle, degrees, + = right eye lower */
	double			 eye_x, eye_y;	/* midpoint of the eyes */
	double			 crown_y, chin_y, face_w;
	int			 crown_measured;	/* 0: estimated from the eyes */
	int			 face_measured;	/* 0: face_w estimated from the eyes */
	double			 face_l, face_r;	/* cheek edges at the ear roots */
	double			 head_w;	/* the head's width at the ears; 0: unknown */
	int			 mesh_measured;	/* 1: FaceMesh placed the landmarks */
	struct mesh_face	 mesh;		/* what they measure, in im's pixels */
	double			 skin[3];	/* mean colour of the cheeks */
	double			 enlarge;	/* scaling the face needs to fit, >= 1 */
	int			 sliver;	/* too small or too narrow to hold a face */
	double			 min_face;	/* searched from this share of the short side; 0: a fifth */
	double			 bg[3];		/* background colour from the top corners */
	double			 bg_std;
	int			 bg_seen;	/* pixels of background sampled */
	double			 bg_mean[3];	/* beside and above the head */
	double			 bg_spread;	/* luma standard deviation there */
	double			 bg_outliers;	/* fraction far from the mean */
	double			 border;	/* outer frame vs inner background, luma */
	/* photo_scene_backdrop_below's share, where photo_scene_note_below kept it */
	double			 below;
	int			 below_noted;
	/*
	 * How surely each pixel of im is the person (segment.h); set by
	 * photo_scene_segment where the backdrop's colour cannot tell, and
	 * then it, not colour, gives the crown and the backdrop's rows.
	 */
	float			*person;
};

/*
 * Decodes path (at least min_side pixels on its short side when it is that
 * large), finds the face and measures the head and background.  Returns 0,
 * or -1 with *cause (unreadable, corrupt, too large); caller frees.  Free the
 * scene with photo_scene_free.
 */
int	photo_scene_load(const char *, const struct config *, int,
	    struct photo_scene *, char **);
/*
 * Measures the face of sc->face in sc->im again: with one face FaceMesh's
 * landmarks (where it runs) place the eyes, the face's outline and the
 * chin, else the detector's eyes and colour do; crown, background and the
 * rest are measured from those eyes.
 */
void	photo_scene_measure(struct photo_scene *);
/*
 * The photo's size in pixels as the file holds it (turned upright by its
 * EXIF orientation): from the header, never from the analysed copy, whose
 * decoder scaling and shrinking round each side on its own.
 */
void	photo_scene_file_size(const struct photo_scene *, int *, int *);
/*
 * Finds the person with the segmentation network (sc->person, replaced
 * without being freed: the caller keeps the old map when another scene
 * shares it) and measures the crown from it.  Returns 0, or -1 with *cause
 * (translated) when the network is missing or fails.
 */
int	photo_scene_segment(struct photo_scene *, char **);
/*
 * Share of the backdrop below the eye line (where the segmentation network
 * is sure it is not the person: sc's map, else one made here) unlike the
 * backdrop around the head: 0 for a plain wall, more where a field, a floor
 * or furniture shows under it.  -1 with *cause when the network cannot run.
 * The share photo_scene_note_below kept, where it ran (and its cause).
 */
double	photo_scene_backdrop_below(const struct photo_scene *, char **);
/*
 * Measures photo_scene_backdrop_below once and keeps it in sc (-1: the
 * network failed, its cause kept as network_cause).
 */
void	photo_scene_note_below(struct photo_scene *);
/*
 * More than this share is something else showing under the head: plain
 * walls and fixed photos measure at most 0.04, a field under a sky 0.35.
 */
#define PHOTO_BELOW_ODD	0.10
/* 1 when the background shows and is plain enough to be judged or whitened. */
int	photo_scene_plain(const struct photo_scene *);
/*
 * Rows from the top of column x that hold only backdrop: where a fix may
 * widen the photo with white beside the head without cutting the person.
 */
int	photo_scene_clear_rows(const struct photo_scene *, int);
/* Share of row y, from x0 to x1 (excluded), that is not backdrop; 1 outside the photo. */
double	photo_scene_row_busy(const struct photo_scene *, int, int, int);
/*
 * The pixels of row y that are the person (their count; the first and last
 * in *x0, *x1): the network's soft edge refined by the colour of a plain
 * backdrop beside it.
 */
int	photo_scene_row_person(const struct photo_scene *, int, int *, int *);
/*
 * 1 when pixel (x, y) of sc->im is the person: by the network's map where
 * the scene was segmented, else by differing from the backdrop's colour by
 * more than t on some channel.
 */
int	photo_scene_person_at(const struct photo_scene *, int, int, double);
/* 1 when pixel p has the colour of the cheeks (hue and saturation, luma within reason). */
int	photo_scene_skin(const struct photo_scene *, const uint8_t *);
/*
 * Where an ear shows beside the face: from the eye line PHOTO_EAR_DOWN eye
 * distances down, up to PHOTO_EAR_OUT eye distances out from the outline.
 */
#define PHOTO_EAR_DOWN	0.5
#define PHOTO_EAR_OUT	0.3
/*
 * Share of the person beside the face at the ears, on side dir (-1 the
 * image's left), that has the colour of skin: an ear's, where hair does not
 * cover it; -1 where none of the person is there.
 */
double	photo_scene_ear_skin(const struct photo_scene *, int);
/*
 * Share of the forehead above the brows that has the colour of skin (as an
 * ear's, photo_scene_ear_skin); -1 where the photo does not reach there.
 */
double	photo_scene_forehead_skin(const struct photo_scene *);
void	photo_scene_free(struct photo_scene *);
#endif
