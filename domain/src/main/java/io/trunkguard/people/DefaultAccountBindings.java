package io.trunkguard.people;

import io.trunkguard.shared.ConflictException;
import io.trunkguard.shared.InvalidStateException;
import io.trunkguard.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Service
@Validated
@Transactional
class DefaultAccountBindings implements AccountBindings {

	private final AccountBindingRequests requests;

	private final People people;

	private final Clock clock;

	DefaultAccountBindings(AccountBindingRequests requests, People people, ObjectProvider<Clock> clock) {
		this.requests = requests;
		this.people = people;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public AccountBindingRequest request(PersonId personId, String username, String reason, String actor) {
		Person person = person(personId);
		requireNotOwnPerson(person, actor, "request");
		if (actor.equals(username) || actor.equals(person.getUsername())) {
			throw new InvalidStateException("person.account-binding-own-account",
					actor + " cannot move their own login account: another compliance lead or an admin asks for it.");
		}
		if (requests.existsByPersonIdAndStatus(personId, AccountBindingRequest.Status.PENDING)) {
			throw new ConflictException("person.account-binding-pending", person.getFullName()
					+ " already has an account binding request waiting for approval: decide that one first.");
		}
		requireFree(username, personId);
		return requests.save(AccountBindingRequest.request(person, username, reason, actor, clock.instant()));
	}

	@Override
	public AccountBindingRequest approve(UUID requestId, String actor) {
		AccountBindingRequest request = get(requestId);
		Person person = person(request.getPersonId());
		requireNotOwnPerson(person, actor, "approve");
		request.approve(actor, clock.instant());
		requireFree(request.getToUsername(), person.getId());
		person.bindAccount(request.getToUsername(), actor, clock.instant());
		people.save(person);
		return requests.save(request);
	}

	@Override
	public AccountBindingRequest reject(UUID requestId, String note, String actor) {
		AccountBindingRequest request = get(requestId);
		request.reject(actor, clock.instant(), note);
		return requests.save(request);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountBindingRequest> pending() {
		return requests.findByStatusOrderByRequestedAt(AccountBindingRequest.Status.PENDING);
	}

	@Override
	@Transactional(readOnly = true)
	public AccountBindingRequest get(UUID requestId) {
		return requests.findById(requestId)
			.orElseThrow(() -> new NotFoundException("AccountBindingRequest", requestId));
	}

	private Person person(PersonId id) {
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
	}

	/** The actor's own person (found by their login) is never theirs to rebind. */
	private void requireNotOwnPerson(Person person, String actor, String step) {
		if (people.findByUsername(actor).map(Person::getId).filter(person.getId()::equals).isPresent()) {
			throw new InvalidStateException("person.account-binding-own-person",
					actor + " cannot " + step + " a change of the login account bound to themselves.");
		}
	}

	private void requireFree(String username, PersonId personId) {
		if (username != null && people.findByUsername(username).filter(p -> !p.getId().equals(personId)).isPresent()) {
			throw new ConflictException("person.duplicate-username",
					"The login account " + username + " is already bound to another person.");
		}
	}

}
