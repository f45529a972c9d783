"""Annotated frames: a preview's drawings (Kitsu's fabric.js objects) painted on its frames."""
import os
import uuid
import zipfile

from PIL import Image, ImageDraw

from zou_api.exceptions import NotFound
from zou_api.jobs import media
from zou_api.services import preview_media
from zou_api.services.base import NOT_FOUND


def _color(value, default=(255, 0, 0)):
    if isinstance(value, str) and value.startswith("#") and len(value) in (4, 7):
        value = value[1:]
        if len(value) == 3:
            value = "".join(c * 2 for c in value)
        try:
            return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            return default
    return default


def _number(value, default=0.0):
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def draw_objects(image, objects):
    """Paint fabric.js objects (paths, lines, rectangles, ellipses, text) on a Pillow image."""
    draw = ImageDraw.Draw(image)
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        sx = image.width / _number(obj.get("canvasWidth"), image.width) if obj.get("canvasWidth") else 1.0
        sy = image.height / _number(obj.get("canvasHeight"), image.height) if obj.get("canvasHeight") else 1.0
        left, top = _number(obj.get("left")) * sx, _number(obj.get("top")) * sy
        width = max(1, int(_number(obj.get("strokeWidth"), 4) * sx))
        color = _color(obj.get("stroke") or obj.get("fill"))
        kind = obj.get("type")
        if kind == "path" and isinstance(obj.get("path"), list):
            points = []
            for command in obj["path"]:
                if isinstance(command, list) and len(command) >= 3:
                    coords = [c for c in command[1:] if isinstance(c, (int, float))]
                    if len(coords) >= 2:
                        points.append((coords[-2] * sx, coords[-1] * sy))
            if len(points) > 1:
                draw.line(points, fill=color, width=width, joint="curve")
        elif kind in ("rect", "ellipse", "circle"):
            box = [left, top, left + _number(obj.get("width")) * sx * _number(obj.get("scaleX"), 1),
                   top + _number(obj.get("height")) * sy * _number(obj.get("scaleY"), 1)]
            box = [min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])]
            (draw.rectangle if kind == "rect" else draw.ellipse)(box, outline=color, width=width)
        elif kind == "line":
            draw.line([(left + _number(obj.get("x1")) * sx, top + _number(obj.get("y1")) * sy),
                       (left + _number(obj.get("x2")) * sx, top + _number(obj.get("y2")) * sy)],
                      fill=color, width=width)
        elif kind in ("text", "i-text", "textbox") and isinstance(obj.get("text"), str):
            draw.text((left, top), obj["text"][:500], fill=_color(obj.get("fill")))
    return image


def _frame_picture(preview, frame_number):
    if preview.extension == "mp4":
        return preview_media.extract_frame(preview, frame_number)
    if preview.extension != "png" or preview.status != "ready":
        raise NotFound(NOT_FOUND)
    return preview_media.local_copy("pictures", f"original-{preview.id}")


def _fps(preview):
    return preview_media.eval_fraction((preview.data or {}).get("fps")) or 25.0


def _annotation_at(preview, frame_number):
    objects = []
    for frame in preview.annotations or []:
        if not isinstance(frame, dict):
            continue
        time = _number(frame.get("time"))
        frame_of = frame.get("frame") if isinstance(frame.get("frame"), int) else round(time * _fps(preview))
        if frame_of == frame_number:
            objects += (frame.get("drawing") or {}).get("objects") or []
    return objects


def annotated_frame(preview, frame_number, target=None):
    source = _frame_picture(preview, frame_number)
    image = media.open_picture(source).convert("RGB")
    draw_objects(image, _annotation_at(preview, frame_number))
    target = target or os.path.join(preview_media.tmp_dir(), f"annotated-{uuid.uuid4().hex}.png")
    image.save(target, "PNG")
    return target


def _annotated_frames(preview):
    numbers = []
    for frame in preview.annotations or []:
        if isinstance(frame, dict):
            number = frame.get("frame") if isinstance(frame.get("frame"), int) else \
                round(_number(frame.get("time")) * _fps(preview))
            if number not in numbers:
                numbers.append(number)
    if not numbers:
        raise NotFound("This preview has no annotation.")
    return [annotated_frame(preview, n) for n in sorted(numbers)], sorted(numbers)


def annotated_frames_zip(preview):
    paths, numbers = _annotated_frames(preview)
    target = os.path.join(preview_media.tmp_dir(), f"annotations-{uuid.uuid4().hex}.zip")
    with zipfile.ZipFile(target, "w") as archive:
        for path, number in zip(paths, numbers):
            archive.write(path, f"{preview.name}-frame-{number:06d}.png")
            os.remove(path)
    return target


def annotated_frames_pdf(preview):
    paths, _ = _annotated_frames(preview)
    images = [Image.open(p).convert("RGB") for p in paths]
    target = os.path.join(preview_media.tmp_dir(), f"annotations-{uuid.uuid4().hex}.pdf")
    images[0].save(target, "PDF", save_all=True, append_images=images[1:])
    for path in paths:
        os.remove(path)
    return target
