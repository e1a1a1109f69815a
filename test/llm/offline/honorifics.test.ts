/**
 * A title before a name ("Mr. Jared Dunn", "Ms Fatima", "dr lee") is not part of the name the lookup searches,
 * and "give <name> his access back" restores sign-in like "give her access back".
 */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../src/llm/offline/request.js';
import { NOW } from './drive.js';

describe('titles before names', () => {
  it.each([
    ['unban Mr. Omar Haddad please', 'Omar Haddad'],
    ['Kindly lock the account of Ms Rita Moss', 'Rita Moss'],
    ['ban dr omar haddad', 'omar haddad'],
    ['Dear Sir/Madam, please unlock Mrs. Rita Moss', 'Rita Moss'],
  ])('%j → the name %j', (text, name) => {
    const intent = parseRequest(text, NOW) as { targets?: Array<{ kind: string; value: string }> };
    expect(intent.targets?.[0]?.kind).toBe('name');
    expect(intent.targets?.[0]?.value.replace(/\s+/g, ' ')).toBe(name);
  });
});

describe('access given back to a named person', () => {
  it.each([
    'kindly give Mr Omar Haddad his access back',
    'please give Omar Haddad back his login',
    'can you give Rita her account back',
  ])('%j → sign-in restored', (text) => {
    expect(parseRequest(text, NOW)).toMatchObject({ kind: 'user_restore_sign_in', targets: [{ kind: 'name' }] });
  });
});
