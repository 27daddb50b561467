import { ROLES, type Role } from '../../backend/actor';
import { addPerson, listPeople, revokePerson } from '../../backend/team/people';
import { flag, str, UsageError, type Command } from '../args';

export const usersCommand: Command = {
  summary: 'the people of a team workbook: add (prints a sign-in token once), list, revoke',
  usage: `cpw users add LOCATION NAME --role admin|consultant|director|viewer [--owner "OWNER AS IN THE SHEET"] [--json]
cpw users list LOCATION [--json]
cpw users revoke LOCATION NAME

The people who sign in to the team server of a workbook in PostgreSQL.
add prints the person's sign-in token once (--json: { "name", "role", "token" });
only a hash of it is kept, so a lost token is revoked and the person added
again under a new name. Roles: admin (everything, people), consultant (reads
and writes every account, scenarios, assumptions), director (reads the
portfolio, writes only the accounts whose owner is --owner), viewer (reads).
revoke refuses the person's next call at once. Run as the workbook's owner
(the address's user); the first add needs CREATEROLE to make the team role.`,
  options: { role: { type: 'string' }, owner: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [2, 3],
  async run(args, _client, io) {
    const [action, location, name] = args.positionals as [string, string, string | undefined];
    const json = flag(args, 'json');
    if (action === 'add') {
      if (name === undefined) throw new UsageError('cpw users add LOCATION NAME --role ROLE: name the person');
      const role = str(args, 'role');
      if (role === undefined || !ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const made = await addPerson(location, name, role as Role, str(args, 'owner') ?? null);
      if (json) io.out(JSON.stringify(made, null, 2));
      else {
        io.out(made.token);
        io.err(`Added ${made.name} (${made.role}). The line above is their sign-in token: it is shown this once; send it to them privately.`);
      }
      return 0;
    }
    if (action === 'list') {
      if (name !== undefined) throw new UsageError('cpw users list LOCATION takes no name');
      const people = await listPeople(location);
      if (json) io.out(JSON.stringify(people, null, 2));
      else if (people.length === 0) io.out('No people yet: add one with cpw users add LOCATION NAME --role ROLE.');
      else for (const p of people) io.out(`${p.name}\t${p.role}${p.owner ? `\towner ${p.owner}` : ''}${p.revoked ? `\trevoked ${p.revoked}` : ''}`);
      return 0;
    }
    if (action === 'revoke') {
      if (name === undefined) throw new UsageError('cpw users revoke LOCATION NAME: name the person');
      await revokePerson(location, name);
      io.err(`Revoked ${name}: their token is refused from now on.`);
      return 0;
    }
    throw new UsageError(`cpw users add, list or revoke, not "${action}"`);
  },
};
