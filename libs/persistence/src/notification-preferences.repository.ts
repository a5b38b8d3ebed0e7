import type { DataSource } from 'typeorm';
import type { NotificationPreferences, TemplateLanguage } from '@careloop/contracts';
import { execute, selectOne } from './sql.query';

interface Row {
  channels: string[];
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string | null;
  language: string;
}

/** Per-person notification preferences; null when the person never saved any (the caller applies the defaults). */
export class NotificationPreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(personId: string): Promise<NotificationPreferences | null> {
    const r = await selectOne<Row>(
      this.dataSource,
      `SELECT channels, quiet_start AS "quietStart", quiet_end AS "quietEnd", time_zone AS "timeZone", language FROM notification_preferences WHERE person_id = $1`,
      [personId],
    );
    if (!r) return null;
    return {
      channels: r.channels.filter((c): c is 'email' | 'sms' => c === 'email' || c === 'sms'),
      quietHours: r.quietStart && r.quietEnd && r.timeZone ? { start: r.quietStart, end: r.quietEnd, timeZone: r.timeZone } : null,
      language: r.language as TemplateLanguage,
    };
  }

  /** Replaces the person's preferences (a repeated PUT writes the same row). */
  async put(personId: string, p: NotificationPreferences): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO notification_preferences (person_id, channels, quiet_start, quiet_end, time_zone, language, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
         time_zone = EXCLUDED.time_zone, language = EXCLUDED.language, updated_at = now()`,
      [personId, [...p.channels], p.quietHours?.start ?? null, p.quietHours?.end ?? null, p.quietHours?.timeZone ?? null, p.language],
    );
  }
}
