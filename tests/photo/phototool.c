/* phototool.c -- test helper: load a photo and print what sscard saw, or craft EXIF. */
#include "lib/system.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "photo/face-detect.h"
#include "lib/fsutil.h"
#include "lib/parallel.h"
#include "photo/load.h"
#include "photo/mesh.h"
#include "photo/scene.h"
#include "photo/segment.h"
#include "lib/xmalloc.h"

static int	cmd_load(int, char **);
static int	cmd_exif(int, char **);
static int	cmd_detect(int, char **);
static int	cmd_cascade(int, char **);
static int	cmd_scene(int, char **);
static int	cmd_segment(int, char **);
static int	cmd_mesh(int, char **);
static void	put16(uint8_t *, unsigned);

/* FNV-1a over every byte of the pixels: the same picture, the same digest. */
static uint64_t
digest(const struct image *im)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i, n = (size_t)im->w * im->h * 3;

	for (i = 0; i < n; i++)
		h = (h ^ im->px[i]) * 0x100000001b3ULL;
	return (h);
}

static int
cmd_load(int argc, char **argv)
{
	struct photo_load_opts o = { .max_pixels = 0 };
	struct photo_info info;
	struct image im;
	char *cause = NULL;
	const uint8_t *p;

	if (argc > 3) {
		o.min_w = atoi(argv[2]);
		o.min_h = atoi(argv[3]);
	}
	if (argc > 4)
		o.max_pixels = atol(argv[4]);
	if (photo_load(argv[1], &o, &im, &info, &cause) != 0) {
		printf("error: %s\n", cause);
		free(cause);
		return (1);
	}
	printf("size %dx%d stored %dx%d format %s components %d depth %d\n",
	    im.w, im.h, info.width, info.height,
	    info.format == PHOTO_JPEG ? "jpeg" : "png", info.components,
	    info.bit_depth);
	printf("progressive %d arithmetic %d cmyk %d palette %d alpha %d "
	    "jfif %d exif %d orientation %d dpi %d scale %d/%d\n",
	    info.progressive, info.arithmetic, info.cmyk, info.palette,
	    info.alpha, info.jfif, info.exif, info.orientation,
	    photo_dpi(&info), info.scale_num, info.scale_denom);
	p = im.px;
	printf("topleft %d %d %d\n", p[0], p[1], p[2]);
	p = im.px + ((size_t)(im.h / 2) * im.w + im.w / 2) * 3;
	printf("centre %d %d %d\n", p[0], p[1], p[2]);
	printf("digest %016llx\n", (unsigned long long)digest(&im));
	image_free(&im);
	return (0);
}

static void
put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* Inserts an APP1 EXIF block with one Orientation entry after SOI. */
static int
cmd_exif(int argc, char **argv)
{
	static const uint8_t tiff[] = {
		'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8,
		0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0
	};
	uint8_t seg[4 + sizeof tiff];
	char *data, *cause = NULL;
	size_t len;
	FILE *f;

	if (argc != 4)
		return (2);
	if (fs_read_file(argv[2], 64 << 20, &data, &len, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		return (1);
	}
	seg[0] = 0xff;
	seg[1] = 0xe1;
	put16(seg + 2, sizeof tiff + 2);
	memcpy(seg + 4, tiff, sizeof tiff);
	put16(seg + 4 + 24, (unsigned)atoi(argv[1]));
	if ((f = fopen(argv[3], "wb")) == NULL)
		return (1);
	fwrite(data, 1, 2, f);
	fwrite(seg, 1, sizeof seg, f);
	fwrite(data + 2, 1, len - 2, f);
	fclose(f);
	free(data);
	return (0);
}

/* Prints "how N" then one line per face: box, eyes, eyes_found, angle (original pixels). */
static int
cmd_detect(int argc, char **argv)
{
	struct photo_load_opts o = { .min_w = 480, .min_h = 480 };
	struct photo_info info;
	struct detector d;
	struct faces f;
	struct image im;
	char *cause = NULL;
	double s;
	int i;

	if (detector_load(&d, getenv("CASCADE_DIR"), &cause) != 0 ||
	    photo_load(argv[1], &o, &im, &info, &cause) != 0) {
		printf("error: %s\n", cause);
		free(cause);
		return (1);
	}
	face_detect(&d, &im, &f);
	s = (double)(info.orientation >= 5 ? info.height : info.width) / im.w;
	printf("%s %d\n", f.how, f.n);
	for (i = 0; i < f.n; i++)
		printf("face %.0f %.0f %.0f %.0f eyes %.0f %.0f %.0f %.0f found %d "
		    "angle %.0f n %d%s\n", f.v[i].x * s, f.v[i].y * s, f.v[i].w * s,
		    f.v[i].h * s, f.v[i].lx * s, f.v[i].ly * s, f.v[i].rx * s,
		    f.v[i].ry * s, f.v[i].eyes_found, f.v[i].angle,
		    f.v[i].neighbours, f.v[i].eyes_how != NULL ? " eyeglasses" : "");
	faces_free(&f);
	detector_free(&d);
	image_free(&im);
	return (0);
}

/*
 * What the analysis measured, in the file's pixels (as the check and the fix
 * see it, at the fix's size): the eye centres, the cheek edges at the ears,
 * the crown and the chin, and whether crown and face width were measured.
 */
static int
cmd_scene(int argc, char **argv)
{
	struct photo_scene sc;
	char *cause = NULL;
	double k;

	(void)argc;
	if (photo_scene_load(argv[1], NULL, 720, &sc, &cause) != 0) {
		printf("error: %s\n", cause);
		free(cause);
		return (1);
	}
	k = sc.scale;
	if (sc.nfaces != 1)
		printf("faces %d\n", sc.nfaces);
	else
		printf("eyes %.1f %.1f %.1f %.1f face %.1f %.1f measured %d crown %.1f "
		    "measured %d chin %.1f\n", sc.face.lx * k, sc.face.ly * k,
		    sc.face.rx * k, sc.face.ry * k, sc.face_l * k, sc.face_r * k,
		    sc.face_measured, sc.crown_y * k, sc.crown_measured, sc.chin_y * k);
	photo_scene_free(&sc);
	return (0);
}

/* The scene of path at the fix's size, or an "error: " line and 0. */
static int
fix_scene(const char *path, struct photo_scene *sc)
{
	char *cause = NULL;

	if (photo_scene_load(path, NULL, 720, sc, &cause) == 0)
		return (1);
	printf("error: %s\n", cause);
	free(cause);
	return (0);
}

/*
 * segment FILE OUT: the person map of the photo as the fix sees it (720
 * pixels on the short side) written to OUT as an 8-bit PGM.
 */
static int
cmd_segment(int argc, char **argv)
{
	struct photo_scene sc;
	char *cause = NULL;
	float *map;
	FILE *f;
	size_t i, n;
	int rc = 1;

	(void)argc;
	if (!fix_scene(argv[1], &sc))
		return (1);
	if ((map = segment_person(&sc.im, &cause)) == NULL) {
		printf("error: %s\n", cause);
		free(cause);
	} else if ((f = fopen(argv[2], "wb")) == NULL)
		perror(argv[2]);
	else {
		n = (size_t)sc.im.w * sc.im.h;
		fprintf(f, "P5\n%d %d\n255\n", sc.im.w, sc.im.h);
		for (i = 0; i < n; i++)
			fputc((int)(map[i] * 255 + 0.5f), f);
		rc = fclose(f) != 0;
	}
	free(map);
	photo_scene_free(&sc);
	return (rc);
}

/*
 * mesh FILE: what FaceMesh measured of the face the scene found, in the
 * file's pixels: eye centres (on the irises where that network runs), the
 * outline at the ear roots, the chin, the gap between the inner lips and
 * the head's turn in degrees.
 */
static int
cmd_mesh(int argc, char **argv)
{
	struct photo_scene sc;
	const struct mesh_face *f = &sc.mesh;
	struct mesh again;
	char *cause = NULL;
	double k;

	(void)argc;
	if (!fix_scene(argv[1], &sc))
		return (1);
	k = sc.scale;
	if (sc.nfaces != 1)
		printf("faces %d\n", sc.nfaces);
	else if (!sc.mesh_measured) {
		/* The scene keeps no reason: run the network once more for it. */
		if (mesh_find(&sc.im, 0, 0, 1, &again, &cause) != 0)
			printf("error: %s\n", cause);
		free(cause);
		photo_scene_free(&sc);
		return (1);
	} else
		printf("eyes %.1f %.1f %.1f %.1f face %.1f %.1f chin %.1f lips %.1f "
		    "yaw %.1f\n", f->lx * k, f->ly * k, f->rx * k, f->ry * k,
		    f->face_l * k, f->face_r * k, f->chin_y * k,
		    hypot(f->lip_dx - f->lip_ux, f->lip_dy - f->lip_uy) * k, f->yaw);
	photo_scene_free(&sc);
	return (0);
}

/* Parses a cascade file: "ok", or "error: " and the reason. */
static int
cmd_cascade(int argc, char **argv)
{
	const char *slash = strrchr(argv[1], '/');
	char *dir, *cause = NULL;
	int rc;

	(void)argc;
	dir = slash != NULL ? xstrndup(argv[1], (size_t)(slash - argv[1])) : xstrdup(".");
	rc = cascade_try(dir, slash != NULL ? slash + 1 : argv[1], &cause);
	if (rc != 0)
		printf("error: %s\n", cause);
	else
		printf("ok\n");
	free(cause);
	free(dir);
	return (rc != 0);
}

/* Counts the parts parallel_for cut the work into: one per thread it uses. */
static void
count_part(void *arg, int lo, int hi)
{
	(void)lo;
	(void)hi;
	atomic_fetch_add((atomic_int *)arg, 1);
}

/* threads: how many threads the engine shares its work among. */
static int
cmd_threads(void)
{
	atomic_int parts = 0;

	parallel_for(1000, 1, count_part, &parts);
	printf("%d\n", atomic_load(&parts));
	return (0);
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "load") == 0)
		return (cmd_load(argc - 1, argv + 1));
	if (argc >= 3 && strcmp(argv[1], "detect") == 0)
		return (cmd_detect(argc - 1, argv + 1));
	if (argc >= 3 && strcmp(argv[1], "scene") == 0)
		return (cmd_scene(argc - 1, argv + 1));
	if (argc >= 3 && strcmp(argv[1], "mesh") == 0)
		return (cmd_mesh(argc - 1, argv + 1));
	if (argc >= 4 && strcmp(argv[1], "segment") == 0)
		return (cmd_segment(argc - 1, argv + 1));
	if (argc >= 3 && strcmp(argv[1], "cascade") == 0)
		return (cmd_cascade(argc - 1, argv + 1));
	if (argc >= 2 && strcmp(argv[1], "exif") == 0)
		return (cmd_exif(argc - 1, argv + 1));
	if (argc == 2 && strcmp(argv[1], "threads") == 0)
		return (cmd_threads());
	fprintf(stderr, "usage: phototool load FILE [MINW MINH [MAXPIXELS]] | "
	    "exif ORIENTATION IN OUT | detect FILE | scene FILE | mesh FILE | "
	    "segment FILE OUT | "
	    "cascade FILE | "
	    "threads\n");
	return (2);
}
