// The phrase coach's labelled corpus: lines a member of staff might say at a table, a counter or
// a hotel desk, written for this project. Each block holds the lines that must be flagged with
// its category (plus any other category named after " | "), or, in CLEAN, lines that must not be
// flagged at all: warm, honest lines that share words with bad ones.
//
// A line starting with "~" is a noisy version (typos, missing apostrophes, no capitals or
// punctuation, contractions written out, American spellings); the "~" is not part of the text.
//
// The split into a development part and a held-out part is fixed by the text alone (see
// `corpusPart`), decided before any rule was tuned: rules are tuned on the development part only,
// and the held-out part is only ever measured (`npm run bench -- --coach-only`).
import type { PhraseKind } from "@/lib/playbook/phrase-kinds";

const FAKE_APOLOGY = `
I'm sorry you feel that way.
Sorry if you were offended by what I said.
I'm sorry if anyone was upset.
I'm sorry that you think the food was cold.
Sorry you didn't like it, but it's a very popular dish. | argue
I'm sorry, but you should have said something earlier. | blame_customer
Sorry, but that's how we cook it here. | argue
I apologise if you feel let down.
~im sorry u feel that way
~sorry if your offended
~sorry but thats just how it is | dismissing
Well, I'm sorry you see it like that.
I'm sorry if my tone came across badly.
Sorry if it wasn't to your taste.
I'm sorry you took it the wrong way.
Apologies for any inconvenience this may have caused.
We apologise for any inconvenience.
Sorry for any inconvenience caused.
I'm sorry, but there's nothing wrong with the steak. | argue
Sorry, but you booked for eight, not seven. | blame_customer
I'm sorry you've chosen to see it that way.
I'm sorry that you're unhappy with our service, but we followed the rules. | policy
Look, I've already said sorry.
I said sorry, what more do you want?
Fine, I'm sorry, okay?
I'm sorry you're upset, but it wasn't my table. | excuse
Sorry if there was any confusion.
I am sorry that you feel that you were treated unfairly.
~i am sorry that you feel that way about it
~Sory you feel like that
I'm sorry if you were made to wait.
I'm sorry you thought the room was noisy.
We're sorry if you had a less than perfect stay.
I'm sorry, but I don't see the problem. | dismissing
Sorry, but we're really busy tonight. | excuse
Sorry, but those are the rules. | policy
I'm sorry you were disappointed by something so small. | dismissing
Mistakes were made, and I'm sorry if that upset you.
I'm sorry you misunderstood the menu. | blame_customer
I'm sorry if I offended you in some way.
~sorry if anyone was offended
~I'm sorry you feel that way but its policy | policy
I suppose I'm sorry, then.
Sorry you feel the need to complain.
I'm sorry you feel we let you down.
~sorry but you should of told us | blame_customer
Okay, sorry if that's what you want to hear.
I'm sorry that you found the music too loud.
Sorry if it seemed like we were ignoring you.
We're sorry that you feel our staff were rude.
I'm sorry, but you didn't order the large one. | blame_customer
~we apologize for any inconvenience
`;

const DISMISSING = `
Nobody else has complained about it.
It's hardly worth worrying about.
Whatever you say.
You'll have to wait your turn like everyone else.
It's only a small hair, I'll pick it out.
It's just a few minutes late.
It's not a big deal, honestly.
These things happen.
It's not the end of the world.
It could have been a lot worse.
You're overreacting a bit.
If you say so.
Everyone else enjoyed it.
We've never had a complaint about that dish before.
It's the same for everyone tonight.
There's no need to make such a fuss about it.
I'm sure it's fine.
Is that all?
Other guests manage to find it.
~nobody else has complaind
~its not a big deal
~whatever u say
~its only a few mins
You're the only one who's said that.
Join the queue like everybody else.
You'll get it when it's ready.
It's only a tiny scratch on the case.
~its hardly worth worrying about
Honestly, it's nothing.
It's not that bad.
Fine, whatever.
That happens all the time, it's normal. | argue
It's just a little noise from the lift.
You only waited twenty minutes.
It was only one drink that was spilt.
Most people don't even notice.
Nobody else seems to mind.
~nobody else has ever complained about that
It's really not worth getting worked up about. | calm_down
You'll survive.
Nobody has ever had a problem with it before.
Happens to the best of us.
~dont worry about it its nothing
I wouldn't worry about something that small.
It's only a couple of euros.
It's barely noticeable.
You're making a mountain out of a molehill.
Everybody has to wait, you're no different.
~everyone else liked it
Come on, it's just a bit of sauce.
No one else has mentioned it.
`;

const CALM_DOWN = `
Calm down, please.
There's no need to shout.
Relax, it's coming.
Take it easy, sir.
Please calm down and we can talk.
Keep your voice down.
Stop shouting at me.
Don't get so upset.
Just relax.
There's no need to raise your voice.
Settle down, madam.
Take a deep breath.
Chill out, it's only food. | dismissing
~calm dwon
~no need to shout
~relax its coming
~take it easy
~dont get upset
~plz calm down
~there is no need to get angry
You need to calm down before I can help you.
Lower your voice, please.
Don't get worked up about it.
Easy now, no need to be rude.
Calm yourself.
You're getting far too emotional.
Don't be so dramatic.
Can you stop raising your voice?
Let's all just calm down.
Please don't shout.
There is no need to be like that.
Woah, relax.
Cool it, please.
Simmer down a bit.
You need to relax.
Steady on, there's no need for that.
~u need to calm down
~stop shoutin
Hey, hey, calm down.
Don't get aggressive with me.
You're being very aggressive.
I can't talk to you while you're shouting.
Please stop getting so angry.
~keep ur voice down
Try to keep calm.
Don't raise your voice at me.
~pls relax
Take a chill pill.
Getting angry won't help.
Shouting won't get you anywhere.
`;

const BLAME_CUSTOMER = `
You ordered it that way.
You never told us about the allergy.
You should have said something when you booked.
You didn't mention it was a birthday.
You were supposed to call ahead.
It's your own fault for arriving late.
You must have misread the menu.
You asked for it rare.
If you'd read the menu you'd have seen it.
You booked for the wrong night.
You left it far too long to tell us.
That's what you ordered.
You should read the small print.
You gave us the wrong date.
You're the one who changed the order.
You didn't specify.
You should've checked before you paid.
~you never told us
~u should have said
~you didnt mention that
~you shouldve told us
~you should of said
You chose the table by the door.
You didn't ask for it without onions.
You were late, so the table went to someone else.
You agreed to the price when you booked.
That's what you asked for.
You signed the form yourself.
You must have dropped it.
It's your fault, not ours.
You never said it was urgent.
Next time, tell us when you order.
You should have asked for the bill sooner.
~You ordered it medium not well done
You forgot to tell us about the dog.
You were told the check-in time.
~it was your choice to sit there
You didn't read the confirmation email.
You picked the cheapest room.
You clearly didn't listen to the waiter.
You left your bag there yourself.
You ticked the box for no breakfast.
If you had told us earlier we could have done something.
You never asked for the gluten-free version.
You're the one who wanted the terrace.
It's not our fault you missed the last orders.
~your the one who ordered it
You didn't tell anyone you were waiting.
`;

const BLAME_COLLEAGUE = `
Someone took your order down wrong.
The other waiter must have forgotten it.
That's the chef's fault.
The kitchen got it wrong again.
Whoever served you forgot to put it through.
The morning shift never passed it on.
That was the new girl, not me.
They forgot to put your order in.
Somebody in the back mixed it up.
The person on the phone booked you in wrong.
Housekeeping missed your room.
My colleague got your order wrong.
Whoever cooked this didn't check it.
Nobody told me you were waiting.
I wasn't told about the allergy.
It wasn't me who served you.
Reception should have told you.
The bar staff messed it up.
~someone took ur order down wrong
~the chefs fault not mine
~the other waiter forgot
~whoever took the booking wrote it down wrong
Someone else dealt with your booking.
The night porter should have sorted that.
The kitchen lost your ticket.
My manager made the mistake, not me.
It's the cleaners' fault.
Someone must have put the wrong card in.
The girl on the desk should have warned you.
He forgot to bring your drinks.
She put the wrong dish down.
The chef burnt it.
The runner took it to the wrong table.
The day team didn't write it in the book.
~somebody messed up the booking
~the kitchens messed it up
Blame the kitchen, not me.
Whoever was on before me must have done it.
The other shift left it like that.
That's the barman's mistake.
Talk to the person who served you.
Someone else was meant to check your room.
The agency staff don't know what they're doing.
~its the other waiters fault
The chef never reads the tickets properly.
I didn't make it, the cook did.
The last guy forgot to restock the minibar.
`;

const EXCUSE = `
We're short staffed tonight.
Two of the staff are off sick.
The coffee machine is bust.
The kitchen is swamped.
It's been really busy tonight.
The supplier let us down.
Our delivery didn't come this morning.
It's my first day.
It's not my section.
The card machine is playing up.
We're a chef down tonight.
~were short staffed
~the machine is bust
~the kitchens swamped
~its been mad busy
~its my first day
The dishwasher broke this afternoon.
The system's down at the moment.
Half the team called in sick.
We're run off our feet.
I'm on my own out here tonight.
The oven has been on the blink all week.
The delivery driver was late.
It's been a long shift.
I'm new, I don't really know.
The computer crashed earlier.
It's not my table, your waiter will be back.
We're rushed off our feet.
The lift has been out of order since Monday.
The fridge packed up.
~the coffee machines broken
~staff off sick
~we r short staffed
The heating's been playing up all week.
We only have one chef on tonight.
There's a big party in, so everything is slow.
We're understaffed at the moment.
The new guy is still learning.
~were really understaffed
The wifi has been down all day.
The boiler went again this morning.
I'm not on this section, sorry.
We've been slammed since six.
The fish didn't arrive today.
The printer in the kitchen stopped working.
~the till is down
The glasswasher keeps breaking.
It's manic in here tonight.
We're really stretched tonight.
~theres only 2 of us on
`;

const BLUNT_REFUSAL = `
No.
No, we don't do that.
We can't do that.
That's not something we do.
~cant do that
It's not possible.
That's impossible.
There's nothing I can do.
My hands are tied.
No chance.
That's not going to happen.
We don't do refunds.
It is what it is.
There's no way.
That's out of the question.
I can't help you.
~we cant do that
~no way
~thats not something we do
~its not possible
~nothing i can do
~theres nothing we can do
We won't be doing that.
No. Would you like the bill?
No, sorry.
We don't swap sides.
Not possible, I'm afraid.
Can't be done.
I won't change it.
There's nothing more we can do.
No can do.
No, I can't move you.
We don't give discounts.
We can't do anything about it.
That won't happen, sorry.
Nope.
We don't do takeaway. Anything else?
No, that's the only table.
We cannot offer a refund.
~we cannot do that
~we can not change it
That's not how it works.
I'm not doing that.
No, we are full.
We do not change the menu.
No. The kitchen closes at ten. Would you like a drink?
We can't. That's it.
Not possible, sorry, that's the rule. | policy
~not possible sorry
`;

const POLICY = `
It's company policy.
Rules are rules.
I don't make the rules.
I'm not allowed to do that.
I'm not authorised to give refunds.
I'm not authorized to change the bill.
That's against our policy.
Our policy says no refunds on opened bottles.
~its company policy
~im not allowed to
~not authorized to do that sorry
~rules r rules
That's more than my job's worth.
I'm just following orders.
I'd get in trouble if I did that.
That's above my pay grade.
Management won't let me.
Computer says no.
The system won't let me do that.
We're not permitted to move bookings.
It's the hotel's policy.
Policy is policy.
I'm only doing what I'm told.
Those are the rules, I'm afraid.
We're not allowed to give out free drinks.
~im not authorised
~thats our policy
~we arent allowed to do that
It's in our terms and conditions.
I'm not permitted to discuss that.
The rules don't allow it.
House policy, sorry.
I'm not supposed to do that.
I'd lose my job if I did that.
Head office won't allow it.
~Its against the rules
I can't, it's against policy.
We have a strict policy on that.
It's not up to me.
I'm not in a position to authorise that.
The policy is very clear.
I'm not allowed to take things off the bill.
~im just doing my job
That's the rule and I have to stick to it.
We are not authorised to give refunds at the desk.
It's a policy thing.
`;

const ARGUE = `
Actually, you're wrong.
That's not what happened.
There's nothing wrong with the steak.
It's meant to be like that.
It tastes fine to me.
I never said that.
You must be mistaken.
That's not true.
It says so on the menu.
That's how it's supposed to taste.
~thats not what happened
~ur wrong
~there is nothing wrong with it
~its meant to be like that
The room was cleaned this morning, I checked it myself.
You're confused, that was a different table.
It looks perfectly normal to me.
That's just not the case.
With respect, you're mistaken.
It was cooked exactly right.
I didn't say that at all.
The soup is supposed to be cold.
That's not how it happened.
It's clearly written on the booking.
~you must be confused
It's definitely not overcooked.
That's the way we make it.
It's perfectly edible.
You've got it wrong.
I was there, that's not what I said.
That's not the right way to see it.
There's nothing wrong with the room.
~it taste fine to me
It's supposed to look like that.
That isn't true at all.
The wine isn't corked, it's just how it tastes.
That never happened.
Our coffee is always hot.
I think you'll find you're wrong there.
~thats not true
That's normal for this dish.
The steak is medium, that's what medium looks like.
There was no hair in it when it left the kitchen.
`;

const NEGATIVE_OPENER = `
Unfortunately, the salmon has sold out, but the sea bass is lovely.
Unfortunately we're fully booked, but I can put you on the waiting list.
Sadly, the terrace is closed tonight, but there's a lovely table by the window.
Regrettably, the spa is shut today; I can book you in for tomorrow morning.
The bad news is the room isn't ready, but I'll store your bags and call you the moment it is.
The problem is the chef has already gone home, so I'll bring you the menu of cold dishes.
~unfortunately the dessert is finished, would you like a cheese plate instead
~unfortunatly the pool is closed but the gym is open
Unfortunately, that dish has nuts in it, so let me suggest the risotto.
Unfortunately, I've checked and the late checkout is taken, but I can hold your bags until six.
Sadly we don't have a high chair free right now, but one will be free in five minutes.
Unfortunately, we can't do that. | blunt_refusal
Unfortunately there's nothing I can do. | blunt_refusal
Unfortunately, it's company policy. | policy
Sadly, we're short staffed tonight. | excuse
Unfortunately, the kitchen is swamped. | excuse
The problem is, you didn't book. | blame_customer
Unfortunately, nobody else has complained. | dismissing
Regrettably, that's not possible. | blunt_refusal
~sadly the bar is closed now but i can bring tea to your room
~unfortunately your room is not ready yet, i will call you as soon as it is
Unfortunately, I can only offer you the twin room tonight, or a double from tomorrow.
Unfortunately the lamb needs forty minutes; would you like a starter while you wait?
The bad news is we've run out of oat milk, but we have almond or soya.
Sadly, the view room is taken, but I can upgrade your breakfast.
Unfortunately I need to see the card you booked with; could you show it to me?
Unfortunately, the lift is being serviced, so I'll carry your bags up with you.
Regrettably, the room service menu stops at eleven, but the bar does sandwiches until one.
~unfortunately we dont have that size, we have a bigger one or a smaller one
The trouble is, that table is booked at eight; you're welcome to it until then.
Unfortunately, I've just checked and we're out of the chocolate cake, so may I bring you the tart?
Sadly the gluten-free bread didn't rise today, but I can do the salad with rice crackers.
Unfortunately, your booking was for tomorrow, but I can see what we have for tonight.
Bad news, I'm afraid: the parking is full, but there's a public car park two minutes away.
Unfortunately the shuttle has left, but I'll order you a taxi.
Sadly, we can't seat five at that table, but we can join two by the window.
~sadly we cant seat you outside but the window table is free
Unfortunately I don't have a room with two beds, but I can add a camp bed.
The problem is that the kitchen closes in ten minutes, so shall I put your order in now?
Unfortunately, the manager isn't in today; I'll take your details and she'll call you tomorrow.
Unfortunately, we can't change that dish, but I'm happy to bring something else from the menu.
Regrettably, we don't have a cot in that size, but I can ask the sister hotel to send one.
~unfortunatley that is sold out, the special is just as good
`;

const CLEAN = `
No trouble at all.
We can't wait to see you again.
Our policy is to replace it straight away.
No problem at all, I'll bring a fresh one.
I'm so sorry we kept you waiting.
I'm sorry that happened, I'll put it right now.
I'm sorry you had to wait so long for your food.
I'm sorry you were kept waiting at the desk.
That's our mistake, and I'm sorry.
I'm sorry, we got your order wrong. I'll have it remade straight away.
We took your order down wrong, and I'm sorry.
We got the booking wrong; let me fix it now.
I can see why you're upset, and you're right to be.
I know how frustrating that is.
Thank you for telling me.
Thank you for letting me know, I'd much rather hear about it.
Let me see what I can do.
What I can do is bring you a fresh one or take it off the bill. Which would you prefer?
Would you like the steak remade, or something else from the menu?
I'll have a fresh one made now and bring it over myself.
I'll take the main course off your bill.
Dessert is on us tonight.
I'll come back in ten minutes to check everything's good.
Is there anything else I can do for you?
Here's what we've agreed. Does that look right to you?
Please tell me what happened. I'm listening.
Shall we step over here where it's quieter?
I can see how disappointing this is on a special night.
I'd feel let down too if that happened on my night out.
I'm really sorry. That isn't what we want for you tonight.
I'm sorry we got that wrong. I'll sort it out myself.
I'm so sorry this has spoiled your evening.
Take your time, there's no rush.
Please take all the time you need.
No worries, I'll sort it out.
No, no, there's no charge for that.
No, you're right, and I'm sorry.
You're right, that's not what you ordered.
You should have your food in five minutes.
You should have your refund by Friday.
You should get a confirmation email in the next hour.
You never need to book for lunch, just come in.
You didn't get your drinks? I'll fetch them now.
You told us about the allergy and we missed it. I'm so sorry.
You were right to tell me.
Did you order it medium? I want to get it right this time.
Could you tell me which dish it was?
I'll ask the chef to cook a fresh one right away.
Someone will bring it over in two minutes.
The kitchen is making a fresh one now.
My colleague will look after you while I fetch the manager.
I'll speak to the kitchen myself so it doesn't happen again.
We're never too busy for you.
Nothing is too much trouble.
There's no way we'd let you leave unhappy.
We don't charge for refills.
We don't want you to leave disappointed.
I can't promise the terrace, but I'll ask right now.
I can't thank you enough for telling me.
I can't believe we got that wrong; I'm sorry, I'll fix it now.
Company policy is that nobody pays for a meal they didn't enjoy.
I'm allowed to take that off your bill, and I'm happy to.
You're allowed to change your mind, of course.
You're not wrong, and I'm sorry.
That's not good enough, and I'm sorry.
It's not meant to be like that. I'll get you another.
It's not supposed to taste like that; I'm sorry, let me change it.
There's nothing wrong with asking. I'm glad you did.
Fortunately, we have another table free by the window.
That's only fair, I'll take it off.
It only takes five minutes to make a fresh one.
Nobody should have to wait that long.
It's no trouble for us to change it.
These are lovely, I'll bring you some more.
Please relax and enjoy your dessert, it's on us.
Let's find you a quieter table where you can relax.
The relaxing terrace is open again.
Would you like to come somewhere quieter so I can hear you properly?
Thank you for your patience; your mains are next out of the kitchen.
I'll personally make sure it's sorted.
I don't know the answer yet, but I'll find out for you right now.
Can I get you anything else?
That's not right at all. I'm sorry, I'll fix it now.
We can sort this out together.
I hear you, and I want to fix this.
I'm sorry for the mix-up with your booking. I've moved you to a quieter room.
I apologise, the room should have been ready. Let me find you somewhere to wait with a coffee.
I apologise for the wait; your table is ready now.
We apologise for the noise last night, and we've taken the first night off your bill.
~im so sorry we kept you waiting
~sorry about that ill get you a new one
~thank you for telling me ill sort it
~no problem at all
~no worries at all ill bring another
~i can see why your upset
~let me see what i can do
~we cant wait to have you back
~i will take it off the bill
~sorry we got that wrong, ill fix it
~I apologize, that should not have happened
~im really sorry about the wait
~what i can do is get you a table by the window or a voucher for next time
~id be frustrated too
It's my job to put this right, and I will.
It's my pleasure to help.
This is my section, so I'll look after you myself.
I'll be looking after your table tonight.
The chef has offered to make you something off the menu.
The manager is on her way over now; I've told her everything so you won't need to repeat it.
I've asked the kitchen to put your order first.
Let me check with the kitchen and I'll be straight back.
I'll check the booking and come straight back to you.
Our supplier has a fresh batch coming tomorrow, so I'll put one aside for you.
We've just had the machine serviced, so your coffee will be perfect.
I'll bring you a fresh pot of tea while you wait.
It's been a pleasure having you with us.
It's been lovely to see you again.
It's a busy street, so I'll give you a room at the back.
We've been so lucky with the weather for the terrace.
Thank you for waiting so patiently.
I'm sorry it took so long; I'll bring your drinks on the house.
I'm sorry the room wasn't ready. I've upgraded you to a suite.
I'm sorry you had a bad night's sleep; let me move you somewhere quieter.
I'm sorry you found a hair in your food. I'll have a new dish made right away.
I'm sorry the music was so loud. I've turned it down.
I'm sorry you didn't enjoy it. What can I get you instead?
I'm sorry about the bill, I'll correct it now.
I'm sorry for the mistake, it was mine.
I'm truly sorry about your coat; we'll pay to have it cleaned.
I'm sorry you were caught in the rain waiting for the shuttle; here's a towel and a hot drink.
Sorry, that was my fault.
Sorry, I should have checked.
Sorry about that, let me get you a clean glass.
Sorry for the wait, here are your starters.
Sorry, I didn't catch that. Could you say it again?
I'm sorry, I don't know, but I'll find out.
I'm sorry, we've sold out of the salmon. The sea bass is lovely, or I can ask the chef what else he can do.
I'm sorry, we can't do that tonight because the terrace is fully booked, but what I can do is seat you by the window.
I'm sorry, I can't put you through to the owner, but I can fetch the manager on duty.
I'm afraid that dish has sold out, but I can bring you the special or the risotto.
I'm afraid the pool is closed for cleaning until two, but the spa is open and I can book you in.
I'm not able to refund it myself, but I'll get my manager now, and she can.
I'm not authorised to refund that, but I'll call my manager, who can.
I'm not allowed to give refunds at the desk, but my manager can, and I'll fetch her now.
We can't change the sauce, but I can bring it on the side. Would that work?
We don't have a high chair free, but I can bring a booster seat right now.
We don't do half portions, but I can bring two plates so you can share.
We can't move the booking to Saturday, but Sunday is free. Shall I take that?
No, we don't have a vegan dessert, but the chef can make a fruit plate. Would you like that?
That table is booked, I'm sorry. The one by the fire is free, would you like it?
The terrace is full tonight. Shall I call you as soon as a table comes free?
We're fully booked on Friday. Can I offer you Thursday or Saturday instead?
That isn't on the menu, but let me ask the chef if he can make it.
I can't change the room tonight. I can move you first thing tomorrow, and breakfast is on us.
There's a charge for late checkout, but I'll waive it for you today.
~we cant do that sauce but i can bring it on the side
~were full on friday, can i offer you thursday instead
~im not allowed to refund it but my manager can and ill get her now
Let me put it right.
I'll make sure the chef knows, so it doesn't happen to anyone else.
I'm going to check the room myself before you go back up.
You were quite right to raise it.
If you ever have a problem, please tell us straight away.
If you'd like, I can bring the dessert menu.
If you told us about an allergy and we missed it, that's serious, and I'll speak to the chef now.
You mentioned the allergy and we should have listened.
You've been very patient, thank you.
You've waited long enough; I'll bring it now.
You shouldn't have had to ask twice.
You should never have been given that room.
You shouldn't have to chase us for your bill.
You didn't deserve that.
You didn't do anything wrong.
You never have to pay for a dish you didn't like here.
You ordered the fish? I'll check what's happening with it.
You asked for no onions, and I'll make sure that's what you get.
You booked the sea view, so I'll move you to one right now.
It's your evening, and we want it to be right.
It's your room, so just tell me how you'd like it.
It's our fault, and I'm sorry.
It was our mistake, not yours.
The mistake was ours.
That's on us, I'm sorry.
I should have told you about the wait.
We should have warned you about the building work.
We never should have let that happen.
I'm afraid we got it wrong.
It's only right that we take it off your bill.
It's just a moment while I fetch the manager.
I'll just be a minute.
Just a minute, I'll check for you.
Only the best for you tonight.
It's nothing compared with what you've been through; please let me make it up to you.
That's a big deal, and I'm sorry.
It's a big problem, and I'll treat it that way.
No, that's not a problem at all.
No, please don't worry about the glass.
No, thank you for telling me.
No, it's my fault, not yours.
No, that's not okay, and I'm sorry.
No charge, of course.
Not at all, thank you for asking.
Of course, I can do that right away.
Absolutely, I'll bring it now.
We don't usually do that, but I'll make an exception tonight.
We've never had that happen before, and I'm sorry it happened to you.
Nobody else should have to deal with that, so I'm reporting it now.
Nobody likes waiting, so I'll bring some bread while your mains finish.
Everyone deserves a good night out, and I'm sorry yours wasn't.
It's the least we can do.
That's not something we'd ever want for a guest.
That's not the standard we aim for. I'll have it remade straight away.
That's not acceptable, and I'll fix it.
I'm not going to let you leave unhappy.
There is nothing I can't do for you tonight.
The problem is mine to fix, and I'm on it.
The good news is the chef can make it again in ten minutes.
The best I can do tonight is a table by the window or a free dessert next time. Which would you prefer?
Thank you for telling us. I'll pass it to the manager so it's fixed for good.
I'll keep an eye on your table myself.
How was everything else with your meal?
Would you like me to wrap the rest for you?
Would a table upstairs suit you better?
I'll put a note on your booking so it never happens again.
I'm listening, please go on.
Go on, I'm listening.
I understand.
I understand why that's upsetting.
It sounds like the whole evening went wrong, and I'm sorry.
I'd be upset too.
It's completely fair to be annoyed about that.
You have every right to be angry.
Your frustration makes sense.
That must have been really embarrassing in front of your guests.
I'd have felt exactly the same.
I can tell this matters a lot to you.
I'm glad you told me before you left.
~thank u for letting me know
~i understand why your angry
~you have every right to be upset
~thats not good enough and im sorry
~ill ask the chef to make a new one right away
~it wont happen again, ill make sure
~we dont charge for that
~no charge of course
~of course i can do that
~i shouldve told you about the wait
We'll refund the drinks in full.
I'd like to offer you a free night on your next stay.
I've arranged a taxi for you, on us.
Here's a voucher for your next visit.
I've asked the housekeeper to bring extra pillows.
I'll change the bill now.
I've cancelled the charge for the minibar.
Your new room is on the fourth floor, away from the lift.
I'll call you at six to let you know how it's going.
I'll email you tomorrow with the manager's answer.
I'll check back before your mains arrive.
Does that sound fair?
Is that okay with you?
Would that help?
Shall I do that for you?
How would you like us to put it right?
What would make this better for you?
What would you like me to do?
I'd like to make this right. What would help most?
Would you rather have a refund or a replacement?
Let me get the manager so we can sort it together.
I want to get this right for you, so I'm asking my manager to come over.
My manager, Sam, will be with you in two minutes.
I'll stay with you until it's sorted.
I'll bring you a drink while you wait, on the house.
The new menu starts next week.
We have a new chef, and she'd love to hear your thoughts.
The kitchen is making your dessert now.
The chef is plating it now.
Your waiter will be right over with the bill.
Your room is ready now.
Our team will have it fixed within the hour.
We're going to fix the heating in your room tonight.
We're sending a technician up now.
Someone from maintenance will come in ten minutes; I'll come with them.
I'll ask someone from housekeeping to bring a heater right away.
There's no need for you to wait; I'll bring it to your room.
There's no need to pay for that.
There's no need to apologise, it's us who got it wrong.
No need to move, I'll bring it over.
Don't worry about the spill, I'll clean it up.
Don't worry, I'll sort it.
Please don't feel you have to rush.
Sit back and relax, dessert is on us.
Take it from me, the lamb is the best thing on the menu.
We can't thank you enough for your patience.
We couldn't be happier to have you here.
I can't wait to hear what you think of the new menu.
I can't imagine how annoying that was.
We'll never charge you for that.
I'll never let that happen again.
That won't happen again, I promise.
You won't have to wait again.
You won't be charged for it.
You don't have to pay for that.
You don't need to worry about the bill.
I'm sorry the coffee was cold; a fresh one is on its way.
I'm sorry we forgot your side order. It's coming now.
I'm sorry nobody came to your table; I'll look after you from now on.
I'm sorry we didn't tell you about the wait sooner.
I'm sorry your room was cold. I've turned the heating up and brought a heater.
I'm sorry you had to ask for your bill three times.
I'm sorry the steak was overcooked. Would you like another, or something different?
I'm sorry, you're right, the wine was warm.
I'm sorry it wasn't cleaned properly. Housekeeping will redo it now, and I'll check it myself.
I'm sorry we gave your table away; let me find you the best one we have.
I'm sorry the shower wasn't working. Maintenance is on the way up.
I'm very sorry about the noise from the wedding party.
We're so sorry about the mix-up with your cake.
We're sorry we let you down tonight.
My apologies, I brought the wrong wine.
My apologies for the wait, it shouldn't have taken that long.
Apologies, that's my mistake. I'll fix it now.
Please accept my apologies, and let me make it up to you.
I owe you an apology: I forgot your drinks.
Sorry, I'll get that changed for you.
Sorry, that should never have happened.
Sorry we're late with your mains; they're coming out now.
Sorry to keep you, I'm all yours now.
Sorry for the confusion, I've corrected the bill.
I'm sorry, and thank you for being so patient with us.
I can hear how upsetting this has been.
That sounds really frustrating.
I'd be annoyed too.
That's not the experience we want for you.
That's really disappointing, especially on your anniversary.
I completely understand why you're cross.
I can see you're disappointed, and I don't blame you.
I know you were looking forward to it.
You came here for a nice evening, and we spoiled it.
It makes sense that you're upset.
You're absolutely right.
You're right, it should have been hot.
You're right to be upset about that.
You're right, we should have checked.
You're not the only one to find that dish salty, so thank you; I'll tell the chef.
You've been more than patient.
You've had a long wait, and I'm sorry.
You shouldn't have to wait like that.
You should have been told about the delay.
You should be able to relax on holiday, so let me fix the noise tonight.
You should get your money back for that, and I'll arrange it now.
You didn't have to tell me, but I'm glad you did.
You didn't get what you asked for, and I'll put it right.
You never got your starter? I'll bring it straight out.
You asked for it well done, so I'll have it cooked again properly.
You ordered the vegetarian option and we brought meat; that's serious, and I'm sorry.
You booked a quiet room, so I'll find you one right now.
You told the waiter about the birthday, and we should have brought the cake.
Thank you for being so understanding.
Thanks for bearing with me while I sort this out.
Thanks for waiting, your table is ready.
Thank you for your patience, and sorry again.
I'll sort it.
I'll fix it now.
I'll deal with it myself.
I'll take care of it personally.
I'll be back in two minutes with an answer.
I'll have your room changed before you finish dinner.
I'll get the manager for you now.
I'll ask the chef what she can make for you.
I'll bring a fresh glass.
I'll replace it straight away.
I'll get you a new one.
Let me fix this for you.
Let me get you a fresh coffee.
Let me find you a better table.
Let me check on your food.
Let me look into it and come back to you.
Let me take that away and bring you something else.
Let me make this right.
Let me call the manager over.
Let me see what rooms we have.
Here's a fresh one, on the house.
Here's your new bill; I've taken the drinks off.
We can do that, no problem.
We can certainly change it.
We can move you to a bigger table.
We can bring it without the sauce.
We could try a different room, if you'd like.
We'd be happy to do that for you.
We'd love to have you back, and the first drink is on us.
We're going to make this right.
We're on it.
We're putting a new one together now.
We're going to have a word with the supplier so it doesn't happen again.
We've moved you to a room at the back, away from the road.
We've taken it off your bill.
We've fixed the light in your room.
That's a fair point, thank you.
That's a good idea, I'll do that.
That's very kind of you to say.
That's completely understandable.
That's not how we want you to feel.
That's not what you should have been served.
That's not the service you deserve.
That's not okay, and I'll deal with it now.
It's not your fault at all.
It's not like us, and I'm sorry.
It's not fair that you had to wait.
It isn't what you ordered, and I'll change it.
It shouldn't have happened.
It should have been ready when you arrived.
It was my mistake.
It was a mistake on our side, and I'll put it right.
It's on the house tonight.
It's fixed now; let me know if anything else comes up.
It's important to us that you enjoy your stay.
It'll be with you in five minutes, I promise.
There's plenty of time, no rush at all.
There's a table free upstairs if you'd like it.
There's a quieter room on the third floor; shall I move you?
There's no charge for the change.
There's no rush to decide.
Nothing wrong with changing your mind, I'll bring the menu back.
Nobody minds at all, take your time.
No one should find a hair in their food. I'm so sorry.
Nobody told you about the building work, and we should have.
Nobody should have spoken to you like that, and I'm sorry.
Everyone on the team will hear about this, so it doesn't happen again.
Everyone makes mistakes, and this one was ours.
Everybody here wants you to enjoy tonight.
Whatever you'd like, I'll bring it.
Whatever happens, I'll make sure you're looked after.
Whatever you decide is fine with me.
If you'd like something else, just say.
If you need anything at all, I'm right here.
If you want, I can bring the manager over.
If that doesn't suit, I can offer something else.
I'm happy to take it back.
I'm glad you said something.
I'm pleased you're staying with us, and I want tonight to be better.
I'm here to help.
I'm going to sort this out for you.
I'm putting the order through again now, at the front of the queue.
I'm going to tell the chef straight away.
I'm taking the wine off the bill.
The chef would like to make you something special to make up for it.
The chef is cooking your steak again now.
The chef wants to apologise in person.
The manager has approved a full refund.
The manager would like to speak with you, if that's all right.
The kitchen has your order at the top of the list.
The new room has a much better view.
The waiter will bring your change in a moment.
The bill has been corrected.
The staff are all here to help you.
Our housekeeper will bring fresh towels now.
Our chef is happy to make it without nuts.
Our team is sorting your room as we speak.
Our rules mean you never pay for a dish you send back.
Calmly and quickly, I'll get this sorted.
Keep the voucher for your next visit.
Keep your receipt, and I'll refund it straight away.
Stop by the desk any time and ask for me.
Please stay as long as you like.
Please have a seat and I'll bring the menu.
Please let me know if there's anything else.
Please don't hesitate to call me.
Please do tell me if anything else isn't right.
Take a seat by the fire while we get your room ready.
Take this voucher, with our apologies.
No, I don't mind at all.
No, it's no bother.
No, we won't charge you for that.
No, you don't need to pay for it.
No, you haven't done anything wrong.
No rush, take your time.
No, thank you, and sorry again.
Of course not, that's our job.
Never mind the glass, are you all right?
We don't ever want that to happen.
We don't mind at all.
We won't let it happen again.
I don't want you to go home unhappy.
I won't rest until it's sorted.
I couldn't agree more.
I cannot apologise enough.
I can't let you leave without putting this right.
I can see it's not right.
I can absolutely do that.
I can have it ready in ten minutes.
I can take it off, of course.
It was rude of me, and I'm sorry.
Just tell me what you'd like, and I'll make it happen.
It's just been brought out, fresh for you.
Only the freshest fish for your table, I promise.
Just a second, I'll get a cloth.
Fortunately the chef is still here and can make it again.
The good news is your room is ready.
Happily, we have a table by the window.
Luckily, the spa has a slot at four.
~sorry the coffee was cold ill bring another
~thanks for ur patience
~you were right to tell me
~its our fault and im sorry
~that sounds really frustrating
~i'll sort it now
~im sorry we forgot your drinks
~ill get the manager for you now
~let me fix this for u
~we can move you to a bigger table
~you should have been told about the delay
~i cannot apologise enough
~youre absolutely right
~no its no bother
~please dont hesitate to call me
~the chef is cooking it again now
~ill be back in 2 minutes
~i apologize for the mixup, ive fixed it
~i realize this has been a long wait, im sorry
~we are sorry we let you down
~i can see youre disappointed
~thats not the service you deserve
~it shouldnt have happened
~no rush take your time
~we wont charge you for that
`;

export type CorpusLine = {
  text: string;
  /** Categories it must be flagged with; empty for a line that must not be flagged. */
  kinds: PhraseKind[];
  /** A noisy version (typos, no apostrophes, lower case…). */
  noisy: boolean;
};

function parse(block: string, kind: PhraseKind | null): CorpusLine[] {
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const noisy = line.startsWith("~");
      const [text, extra] = (noisy ? line.slice(1) : line).split(" | ");
      const more = extra ? (extra.split(",").map((k) => k.trim()) as PhraseKind[]) : [];
      return { text: text.trim(), kinds: kind ? [kind, ...more] : [], noisy };
    });
}

export const PHRASE_CORPUS: readonly CorpusLine[] = [
  ...parse(FAKE_APOLOGY, "fake_apology"),
  ...parse(DISMISSING, "dismissing"),
  ...parse(CALM_DOWN, "calm_down"),
  ...parse(BLAME_CUSTOMER, "blame_customer"),
  ...parse(BLAME_COLLEAGUE, "blame_colleague"),
  ...parse(EXCUSE, "excuse"),
  ...parse(BLUNT_REFUSAL, "blunt_refusal"),
  ...parse(POLICY, "policy"),
  ...parse(ARGUE, "argue"),
  ...parse(NEGATIVE_OPENER, "negative_opener"),
  ...parse(CLEAN, null),
];

/** FNV-1a, 32 bits: a fixed, well-spread hash of a line's text. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The fixed split, decided before any rule was tuned: a line is held out when the FNV-1a hash of
 * its `splitKey` is 0 or 1 modulo 5 (about 40 %), otherwise it is for development. Moving a line,
 * editing it or adding one cannot be used to choose which part it lands in without changing the
 * text itself.
 */
export function corpusPart(line: Pick<CorpusLine, "text">): "development" | "held-out" {
  return fnv1a(splitKey(line.text)) % 5 < 2 ? "held-out" : "development";
}

/** Lower case, letters, digits and single spaces: a line and its noisy twin (same words) share a part. */
export function splitKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export const DEVELOPMENT_CORPUS: readonly CorpusLine[] = PHRASE_CORPUS.filter((l) => corpusPart(l) === "development");
export const HELD_OUT_CORPUS: readonly CorpusLine[] = PHRASE_CORPUS.filter((l) => corpusPart(l) === "held-out");
