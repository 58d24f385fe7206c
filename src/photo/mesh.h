/* photo/mesh.h -- 468 landmarks of a face: MediaPipe's FaceMesh network (mesh.c). */
#ifndef SSCARD_PHOTO_MESH_H
#define SSCARD_PHOTO_MESH_H

#include "photo/image.h"

#define MESH_POINTS	468

/* FaceMesh's points, in the pixels of the image they were found in. */
struct mesh {
	double	x[MESH_POINTS], y[MESH_POINTS];
	double	z[MESH_POINTS];	/* depth, towards the camera negative, in x's scale */
	/* The outline at the ear roots, with the mirrored run's (mesh_find) */
	double	outline_l, outline_r;
};

/* Where the measured parts of a face are, from its mesh. */
struct mesh_face {
	double	lx, ly, rx, ry;	/* eye centres, on the image's left and right */
	double	face_l, face_r;	/* the face's outline at the ear roots */
	double	chin_y;		/* lowest point of the chin */
	double	lip_ux, lip_uy;	/* inner edge of the upper lip, middle of the mouth */
	double	lip_dx, lip_dy;	/* inner edge of the lower lip */
	double	yaw;		/* head turned, degrees: the outline's depth across its width */
};

/*
 * The landmarks of the face in the square of side side centred on (cx, cy)
 * (a face detector's box), found again in the square around the first
 * landmarks, as MediaPipe tracks a face, and in that square mirrored for
 * the outline.  Returns 0, or -1 with *cause (translated) when the network
 * is missing or fails.
 */
int	mesh_find(const struct image *, double, double, double, struct mesh *, char **);
/* 1 when mesh_find can run here (its module and network are installed). */
int	mesh_available(void);
/* Reads FaceMesh and the iris network ahead of mesh_find (nn_read_ahead). */
void	mesh_read_ahead(void);
/* Eye rings' centres, face outline at the ear roots, chin, inner lips and turn of a mesh. */
void	mesh_measure(const struct mesh *, struct mesh_face *);
/*
 * The eye centres of f placed again on the irises' centres by MediaPipe's
 * iris network (the pupils, where the eye rings' means sit off them).
 * Returns 0 (f's eyes unchanged where the network is not installed), or -1
 * with *cause (translated) when it is but cannot run, f's eyes unchanged.
 */
int	mesh_irises(const struct image *, const struct mesh *, struct mesh_face *, char **);

#endif
