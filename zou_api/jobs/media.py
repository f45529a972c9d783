"""Media processing: pictures with Pillow, movies with ffmpeg. Plain functions of paths.

ffmpeg is the one on PATH, else the binary shipped by the `imageio-ffmpeg` wheel; `ffmpeg_path()`
answers None when neither exists (callers then mark their object broken with `NO_FFMPEG`).
ffprobe is optional: without it, movies are probed by parsing `ffmpeg -i`.

Sizes follow the reference: rectangle thumbnail 150x100 and square 100x100 (cropped to fill),
a 400x400 square for avatars, a preview picture 1200 wide, movies scaled to the project's height
(1080 by default) and a 720 high low definition, tiles of 100 px high frames, 8 a row.
"""
import fractions
import json
import math
import os
import re
import shutil
import subprocess

from PIL import Image, ImageOps, UnidentifiedImageError

RECTANGLE_SIZE = (150, 100)
SQUARE_SIZE = (100, 100)
AVATAR_SIZE = (400, 400)
PREVIEW_WIDTH = 1200
LOWDEF_HEIGHT = 720
TILE_HEIGHT = 100
TILE_COLUMNS = 8
MAX_TILES = 480
NO_FFMPEG = ("ffmpeg was not found: install it (apt-get install ffmpeg) or the imageio-ffmpeg package "
             "to process movies.")
FFMPEG_TIMEOUT = 1800

MOVIE_EXTENSIONS = {"mp4", "mov", "avi", "mkv", "webm", "m4v", "mpg", "mpeg", "wmv", "flv", "mxf", "ogv", "gif"}
PICTURE_EXTENSIONS = {"png", "jpg", "jpeg", "tif", "tiff", "bmp", "webp", "tga", "exr", "psd"}


class MediaError(Exception):
    """A file that cannot be processed; the message is meant for the user."""


# -- tools ----------------------------------------------------------------------------------
def ffmpeg_path():
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception:
        return None


def ffprobe_path():
    return shutil.which("ffprobe")


def _run(command, timeout=FFMPEG_TIMEOUT):
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise MediaError("ffmpeg took too long on this file.")
    if done.returncode != 0:
        lines = [line for line in done.stderr.decode("utf-8", "replace").strip().splitlines() if line.strip()]
        raise MediaError("ffmpeg failed: " + (lines[-1][:300] if lines else f"exit code {done.returncode}"))
    return done


def _ffmpeg():
    path = ffmpeg_path()
    if path is None:
        raise MediaError(NO_FFMPEG)
    return path


# -- pictures -------------------------------------------------------------------------------
def open_picture(path):
    """The picture at path as an RGB(A) Pillow image; MediaError when it is not one."""
    try:
        image = Image.open(path)
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise MediaError("Uploaded file is not a readable picture.")
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or image.mode == "P" else "RGB")
    return image


def fill(image, size):
    """Crop to the ratio of size, then resize to exactly size."""
    return ImageOps.fit(image, size, Image.LANCZOS)


def fit_width(image, width):
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.LANCZOS)


def save_png(image, path):
    image.save(path, "PNG")
    return path


def picture_set(source, folder):
    """From a picture file: original.png, previews.png, thumbnails.png, thumbnails-square.png
    in folder. Answers {name: path} plus width and height of the original."""
    image = open_picture(source)
    paths = {
        "original": save_png(image, os.path.join(folder, "original.png")),
        "previews": save_png(fit_width(image, PREVIEW_WIDTH), os.path.join(folder, "previews.png")),
        "thumbnails": save_png(fill(image, RECTANGLE_SIZE), os.path.join(folder, "thumbnails.png")),
        "thumbnails-square": save_png(fill(image, SQUARE_SIZE), os.path.join(folder, "thumbnails-square.png")),
    }
    return paths, image.width, image.height


def avatar(source, target, size=AVATAR_SIZE):
    """A square avatar (persons, projects, organisations)."""
    return save_png(fill(open_picture(source), size), target)


# -- movies ---------------------------------------------------------------------------------
def _parse_rate(text):
    try:
        value = fractions.Fraction(text)
        return value if value > 0 else None
    except (ValueError, ZeroDivisionError, TypeError):
        return None


def probe_movie(path):
    """{width, height, duration, fps (Fraction), has_audio, nb_frames} of a movie file."""
    if ffprobe_path():
        done = subprocess.run([ffprobe_path(), "-v", "error", "-show_streams", "-show_format", "-of", "json", path],
                              capture_output=True, timeout=120)
        try:
            info = json.loads(done.stdout or b"{}")
        except ValueError:
            info = {}
        video = next((s for s in info.get("streams", []) if s.get("codec_type") == "video"), None)
        if done.returncode != 0 or video is None or not video.get("width"):
            raise MediaError("The uploaded movie cannot be read (no video stream).")
        duration = float(video.get("duration") or info.get("format", {}).get("duration") or 0)
        fps = _parse_rate(video.get("avg_frame_rate")) or _parse_rate(video.get("r_frame_rate"))
        nb_frames = int(video["nb_frames"]) if str(video.get("nb_frames", "")).isdigit() else None
        return {"width": int(video["width"]), "height": int(video["height"]), "duration": duration, "fps": fps,
                "has_audio": any(s.get("codec_type") == "audio" for s in info.get("streams", [])),
                "nb_frames": nb_frames}
    done = subprocess.run([_ffmpeg(), "-hide_banner", "-i", path], capture_output=True, timeout=120)
    text = done.stderr.decode("utf-8", "replace")
    video = re.search(r"Stream #.*Video: .*?, (\d{2,5})x(\d{2,5})", text)
    if not video:
        raise MediaError("The uploaded movie cannot be read (no video stream).")
    duration = re.search(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)", text)
    seconds = int(duration[1]) * 3600 + int(duration[2]) * 60 + float(duration[3]) if duration else 0.0
    fps = re.search(r"([\d.]+) fps", text)
    return {"width": int(video[1]), "height": int(video[2]), "duration": seconds,
            "fps": fractions.Fraction(fps[1]).limit_denominator(1001) if fps else None,
            "has_audio": "Audio:" in text, "nb_frames": None}


def _even(value):
    return max(2, int(value) // 2 * 2)


def normalize_movie(source, target, height=1080, bitrate="8M", info=None):
    """An H.264 / AAC mp4 of the source scaled to `height` (width keeps the ratio), frame rate
    kept as it is (no frame doubled or dropped), yuv420p, fast start. Works without an audio
    track. Answers the probe of the result."""
    info = info or probe_movie(source)
    width = _even(round(info["width"] * height / info["height"]))
    command = [_ffmpeg(), "-y", "-v", "error", "-i", source, "-map", "0:v:0"]
    if info["has_audio"]:
        command += ["-map", "0:a:0?", "-c:a", "aac", "-b:a", "128k", "-ac", "2"]
    command += ["-c:v", "libx264", "-preset", "veryfast", "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", "16M",
                "-pix_fmt", "yuv420p", "-vf", f"scale={width}:{_even(height)}:flags=lanczos,setsar=1",
                "-fps_mode", "passthrough", "-movflags", "+faststart", "-f", "mp4", target]
    _run(command)
    return probe_movie(target)


def extract_frame(source, target, seconds=0.0):
    """The frame at `seconds` as a PNG (the first frame when past the end)."""
    _run([_ffmpeg(), "-y", "-v", "error", "-ss", f"{max(0.0, seconds):.4f}", "-i", source, "-frames:v", "1",
          "-f", "image2", "-c:v", "png", target])
    if not os.path.exists(target) or os.path.getsize(target) == 0:
        _run([_ffmpeg(), "-y", "-v", "error", "-i", source, "-frames:v", "1", "-f", "image2", "-c:v", "png", target])
    return target


def make_tiles(source, target, info):
    """A PNG of frames 100 px high, 8 a row (every frame, sampled beyond MAX_TILES)."""
    width = _even(round(TILE_HEIGHT * info["width"] / info["height"]))
    fps = float(info["fps"] or 25)
    frames = info.get("nb_frames") or max(1, int(math.ceil(info["duration"] * fps)))
    step = max(1, int(math.ceil(frames / MAX_TILES)))
    count = int(math.ceil(frames / step))
    rows = max(1, int(math.ceil(count / TILE_COLUMNS)))
    select = f"select='not(mod(n\\,{step}))'," if step > 1 else ""
    _run([_ffmpeg(), "-y", "-v", "error", "-i", source, "-vf",
          f"{select}scale={width}:{TILE_HEIGHT},tile={TILE_COLUMNS}x{rows}", "-frames:v", "1",
          "-fps_mode", "passthrough", "-f", "image2", "-c:v", "png", target])
    return target


def concat_movies(sources, target, height=1080, fps="25"):
    """One mp4 of the sources one after the other, each scaled and padded to the same size and
    frame rate (the playlist build)."""
    if not sources:
        raise MediaError("The playlist has no movie to build.")
    width = _even(round(16 * height / 9))
    command = [_ffmpeg(), "-y", "-v", "error"]
    filters, labels = [], []
    inputs = 0
    for index, source in enumerate(sources):
        info = probe_movie(source)
        command += ["-i", source]
        video = f"{inputs}:v:0"
        inputs += 1
        if info["has_audio"]:
            audio = f"{inputs - 1}:a:0"
        else:
            command += ["-f", "lavfi", "-t", f"{max(info['duration'], 0.04):.3f}", "-i",
                        "anullsrc=channel_layout=stereo:sample_rate=48000"]
            audio = f"{inputs}:a"
            inputs += 1
        filters.append(f"[{video}]scale={width}:{_even(height)}:force_original_aspect_ratio=decrease,"
                       f"pad={width}:{_even(height)}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps={fps},format=yuv420p[v{index}];"
                       f"[{audio}]aformat=sample_rates=48000:channel_layouts=stereo[a{index}]")
        labels.append(f"[v{index}][a{index}]")
    graph = ";".join(filters) + ";" + "".join(labels) + f"concat=n={len(sources)}:v=1:a=1[v][a]"
    command += ["-filter_complex", graph, "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "veryfast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", "-f", "mp4", target]
    _run(command)
    return target


def kind_of(extension):
    extension = (extension or "").lower()
    if extension in MOVIE_EXTENSIONS:
        return "movie"
    if extension in PICTURE_EXTENSIONS:
        return "picture"
    return "file"
