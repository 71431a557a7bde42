import type { Lesson } from "./lessons.ts";
import { renderLessonMarkdown, type RenderedLesson } from "./markdown.ts";

// Rendering (with Shiki highlighting) happens once per lesson text per process.
const cache = new Map<string, Promise<RenderedLesson>>();

export function getRenderedLesson(lesson: Lesson): Promise<RenderedLesson> {
  let rendered = cache.get(lesson.body);
  if (!rendered) {
    rendered = renderLessonMarkdown(lesson.body, { copyButtons: true });
    rendered.catch(() => cache.delete(lesson.body));
    cache.set(lesson.body, rendered);
  }
  return rendered;
}
