// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { evolve, type Meeting } from '../../../shared';
import { ITEM, P } from '../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../test/localRoom';
import { AgendaPanel } from './AgendaPanel';
import { RoomLinks } from './RoomLinks';

afterEach(cleanup);

/** The demo meeting with a video call and the documents of item 3, as the secretariat set them. */
function withSettings(meeting: Meeting): Meeting {
  const withVideo = evolve(meeting, {
    type: 'meeting.updated',
    changes: { videoUrl: 'https://itu.zoom.us/j/42' },
  });
  return evolve(withVideo, {
    type: 'agenda.documentsSet',
    itemId: ITEM.resolution31,
    documents: [
      {
        symbol: 'IRM-1/3',
        title: 'مشروع القرار 31',
        url: 'https://www.itu.int/md/D22-IRM-C-0003',
        languages: ['ar', 'en'],
      },
    ],
  });
}

function roomAs(who: (typeof P)[keyof typeof P]) {
  const local = localRoom(who);
  local.set({ meeting: withSettings(local.room.meeting) });
  return local;
}

describe('room links', () => {
  it('offers the video call in a new tab to everyone, and the workspace to the secretariat', () => {
    renderWith(roomAs(P.secretariat).port, <RoomLinks />);
    const video = screen.getByRole('link', { name: /Join the video call/ });
    expect(video.getAttribute('href')).toBe('https://itu.zoom.us/j/42');
    expect(video.getAttribute('target')).toBe('_blank');
    expect(video.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'Manage the meeting' }).getAttribute('href')).toBe('/manage');
  });

  it('does not offer the workspace to a delegate', () => {
    renderWith(roomAs(P.kenya).port, <RoomLinks />);
    expect(screen.getByRole('link', { name: /Join the video call/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Manage the meeting' })).toBeNull();
  });

  it("lists an agenda item's documents with their languages, the title isolated", () => {
    renderWith(roomAs(P.kenya).port, <AgendaPanel />);
    const list = screen.getByRole('list', { name: 'Documents of item 3' });
    const link = within(list).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://www.itu.int/md/D22-IRM-C-0003');
    expect(link.querySelectorAll('bdi')).toHaveLength(2);
    expect(list.textContent).toContain('(Arabic, English)');
  });
});
