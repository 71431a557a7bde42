-- Blog posts, listed newest first. Several share a created_at, and ids do not follow time.
CREATE TABLE posts (
  id         integer PRIMARY KEY,
  created_at timestamptz NOT NULL,
  title      text NOT NULL
);

-- The listing's index: a backward scan reads it newest first, ties by the higher id first.
CREATE INDEX posts_created_at_id_idx ON posts (created_at, id);

INSERT INTO posts (id, created_at, title) VALUES
  (4,  '2026-03-02 10:00:00+00',        'Release notes 1.2'),
  (8,  '2026-03-01 09:00:00+00',        'Postmortem: the 9 am outage'),
  (3,  '2026-03-01 09:00:00+00',        'Launch day'),
  (5,  '2026-03-01 08:59:59.999999+00', 'Final checks'),
  (12, '2026-02-28 23:00:00+00',        'Code freeze'),
  (1,  '2026-02-28 23:00:00+00',        'Hello, world'),
  (7,  '2026-02-27 12:00:00.5+00',      'Design review'),
  (2,  '2026-02-27 12:00:00+00',        'Kick-off');
