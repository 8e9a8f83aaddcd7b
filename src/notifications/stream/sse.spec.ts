// Unit spec: SSE message format and the role/type visibility rule of the live stream.
import { isVisible, sseMessage } from './sse';

describe('live stream visibility', () => {
  const supervisor = { roles: ['supervisor'], types: [] };

  it('shows unrestricted events and events sharing a role, hides the others', () => {
    expect(isVisible({ roles: [], type: 'process.completed' }, supervisor)).toBe(true);
    expect(isVisible({ roles: ['agent', 'supervisor'], type: 'task.created' }, supervisor)).toBe(true);
    expect(isVisible({ roles: ['agent'], type: 'task.created' }, supervisor)).toBe(false);
    expect(isVisible({ roles: ['agent'], type: 'task.created' }, { roles: [], types: [] })).toBe(false);
  });

  it('narrows to the requested types', () => {
    const filter = { roles: ['agent'], types: ['task.created'] };
    expect(isVisible({ roles: ['agent'], type: 'task.created' }, filter)).toBe(true);
    expect(isVisible({ roles: [], type: 'process.completed' }, filter)).toBe(false);
  });
});

describe('SSE message', () => {
  it('writes id, event and one data line, ended by a blank line', () => {
    expect(sseMessage({ id: '42', event: 'task.created', data: { a: 'x\ny' } })).toBe('id: 42\nevent: task.created\ndata: {"a":"x\\ny"}\n\n');
  });

  it('leaves the id out when there is none, and never lets a field break a line', () => {
    expect(sseMessage({ event: 'replay\ntruncated', data: 1 })).toBe('event: replay truncated\ndata: 1\n\n');
  });
});
