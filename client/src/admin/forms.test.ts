import { describe, expect, it } from 'vitest';
import { checkDocument, moved } from './documentValues';
import { checkMeeting, readDates, readSpeaking, readVideoUrl, valuesOf } from './meetingForm';
import { serverProblems } from './serverErrors';
import { searchZones } from './zones';

describe('readSpeaking', () => {
  it.each([
    ['3', '0', 180],
    ['0', '10', 10],
    ['60', '0', 3600],
    ['', '45', 45],
    ['2', '', 120],
    ['0', '9', 'speakingRange'],
    ['60', '1', 'speakingRange'],
    ['1', '60', 'speakingRange'],
    ['1.5', '0', 'speakingRange'],
    ['-1', '30', 'speakingRange'],
    ['', '', 'speakingRange'],
  ])('%j min %j s is %j', (minutes, seconds, expected) => {
    expect(readSpeaking(minutes, seconds)).toBe(expected);
  });
});

describe('readVideoUrl', () => {
  it.each([
    ['', null],
    ['  ', null],
    [' https://meet.example.org/j/123 ', 'https://meet.example.org/j/123'],
    ['http://meet.example.org/j/123', 'notHttps'],
    ['javascript:alert(1)', 'notHttps'],
    ['meet.example.org', 'notHttps'],
  ])('%j is %j', (text, expected) => {
    expect(readVideoUrl(text)).toBe(expected);
  });
});

describe('readDates', () => {
  const zone = 'Europe/Zurich';
  it('refuses an end before the start, on the end', () => {
    const dates = readDates(
      { date: '2026-03-10', time: '10:00' },
      { date: '2026-03-10', time: '09:00' },
      zone,
    );
    expect(dates.startsAt).toEqual({ ok: true, ms: Date.parse('2026-03-10T09:00:00Z'), ambiguous: false });
    expect(dates.endsAt).toEqual({ ok: false, problem: 'endBeforeStart' });
  });

  it('takes both empty as not set, and half a date and time as a problem', () => {
    const dates = readDates({ date: '', time: '' }, { date: '2026-03-10', time: '' }, zone);
    expect(dates.startsAt).toEqual({ ok: true, ms: null, ambiguous: false });
    expect(dates.endsAt).toEqual({ ok: false, problem: 'timeMissing' });
    expect(readDates({ date: '', time: '09:00' }, { date: '', time: '' }, zone).startsAt).toEqual({
      ok: false,
      problem: 'dateMissing',
    });
  });
});

describe('checkMeeting', () => {
  it('reads a meeting back as the settings it was shown with', () => {
    const settings = {
      title: 'IRM-2',
      timezone: 'America/New_York',
      startsAt: Date.parse('2026-11-01T13:00:00Z'),
      endsAt: null,
      defaultSpeakingSeconds: 150,
      videoUrl: 'https://meet.example.org/x',
    };
    const values = valuesOf(settings);
    expect(values.start).toEqual({ date: '2026-11-01', time: '08:00' });
    expect(values.speaking).toEqual({ minutes: '2', seconds: '30' });
    expect(checkMeeting(values)).toEqual({ ok: true, settings });
  });

  it('names every field to fix', () => {
    const values = valuesOf({
      title: ' ',
      timezone: 'Europe/Zurich',
      startsAt: null,
      endsAt: null,
      defaultSpeakingSeconds: 5,
      videoUrl: 'ftp://x',
    });
    expect(checkMeeting({ ...values, start: { date: '2026-03-29', time: '02:15' } })).toEqual({
      ok: false,
      problems: {
        title: 'required',
        startsAt: 'gap',
        defaultSpeakingSeconds: 'speakingRange',
        videoUrl: 'notHttps',
      },
    });
  });
});

describe('checkDocument', () => {
  it('trims, orders the languages as the ITU does, and names what is missing', () => {
    expect(
      checkDocument({
        symbol: ' IRM-1/3 ',
        title: 'Agenda',
        url: 'https://www.itu.int/x',
        languages: ['fr', 'ar', 'en'],
      }),
    ).toEqual({
      ok: true,
      document: {
        symbol: 'IRM-1/3',
        title: 'Agenda',
        url: 'https://www.itu.int/x',
        languages: ['ar', 'en', 'fr'],
      },
    });
    expect(checkDocument({ symbol: '', title: '', url: 'www.itu.int', languages: [] })).toEqual({
      ok: false,
      problems: { symbol: 'required', title: 'required', url: 'notHttps' },
    });
  });

  it('moves within the list, and not past its ends', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('serverProblems', () => {
  it('puts each of the server’s messages on its field, nested paths on their field, the rest apart', () => {
    expect(
      serverProblems(
        'videoUrl: not an http(s) address; documents.1.url: bad; (body): nothing to change; odd',
        ['videoUrl', 'title', 'documents.1'],
      ),
    ).toEqual({
      fields: { videoUrl: 'not an http(s) address', 'documents.1': 'bad' },
      general: ['(body): nothing to change', 'odd'],
    });
    expect(serverProblems('the meeting cannot end before it starts', ['endsAt'])).toEqual({
      fields: {},
      general: ['the meeting cannot end before it starts'],
    });
  });
});

describe('searchZones', () => {
  const zones = ['UTC', 'America/New_York', 'Asia/Baku', 'Europe/Zurich', 'Europe/Paris'];
  it('finds zones by their name, any case, spaces for underscores, and by the cities they keep the time of', () => {
    expect(searchZones('', zones)).toEqual(zones);
    expect(searchZones('new york', zones)).toEqual(['America/New_York']);
    expect(searchZones('EUROPE', zones)).toEqual(['Europe/Zurich', 'Europe/Paris']);
    expect(searchZones('Geneva', zones)).toEqual(['Europe/Zurich']);
    expect(searchZones('Genève', zones)).toEqual(['Europe/Zurich']);
    // Without accents or case, and in German.
    expect(searchZones('GENEVE', zones)).toEqual(['Europe/Zurich']);
    expect(searchZones('genf', zones)).toEqual(['Europe/Zurich']);
    expect(searchZones('zürich', zones)).toEqual(['Europe/Zurich']);
    expect(searchZones('nowhere', zones)).toEqual([]);
  });
});
