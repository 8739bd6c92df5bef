import type { SeedPost } from './posts';

/** Seed posts: fever and infections, breathing and lungs, skin. */
export const POSTS_INFECTIONS: readonly SeedPost[] = [
  {
    slug: 'fever-in-adults',
    title: 'Fever in adults: what a high temperature means and how to look after yourself',
    summary:
      'A fever is usually the body fighting an infection. How to check your temperature, rest and drink enough, ease the discomfort, and which signs mean you should get medical help.',
    category: 'fever-and-infections',
    tags: ['fever', 'temperature', 'infection', 'self-care'],
    language: 'en',
    body: `A fever means your body temperature is higher than usual. For most adults a reading of 38 °C (100.4 °F) or more counts as a fever. It is not an illness in itself: it is one of the ways the body responds to an infection, such as a cold, flu or a stomach bug.

## How to check your temperature

- Use a digital thermometer in the mouth or under the arm, following the instructions that came with it.
- Wait at least 20 minutes after a hot or cold drink before measuring in the mouth.
- Feeling hot, shivery or sweaty can be a sign of fever even without a thermometer.

## Looking after yourself at home

Most fevers settle within a few days. These steps can help you feel more comfortable:

- **Rest** as much as you need to.
- **Drink plenty of fluids**, such as water, so that your urine stays pale. Fever makes you lose more water through sweating.
- **Dress in light clothing** and keep the room at a comfortable temperature. There is no need to wrap up, even if you feel shivery, and no need for cold baths.
- **Medicines for pain and fever** from a pharmacy can ease aches and discomfort. Follow the label or ask your pharmacist which one suits you, especially if you take other medicines, are pregnant or have a long-term condition.
- Stay away from other people where you can, and wash your hands often, so the infection does not spread.

## What a fever does not tell you

How high the number is does not always match how unwell someone is. How you feel, and whether you are getting better or worse, matters more than the reading alone.

## When to get help

Contact a doctor, nurse or your local urgent advice service if:

- the fever lasts more than three days, or keeps coming back
- you have a long-term condition, a weakened immune system (for example during chemotherapy) or you are pregnant
- you have pain when passing urine, a painful ear, or a cough with coloured phlegm that is getting worse
- you have recently travelled abroad

**Call your local emergency number (such as 999, 112 or 911) straight away** if you have a fever with any of these: a stiff neck, a rash that does not fade when you press a glass against it, confusion or difficulty staying awake, difficulty breathing, chest pain, or a seizure (fit).`,
  },
  {
    slug: 'colds-and-flu',
    title: 'Colds and flu: telling them apart and getting through them',
    summary:
      'Colds and flu are both caused by viruses and usually get better on their own. How they differ, what helps while you recover, why antibiotics do not help, and the warning signs to watch for.',
    category: 'fever-and-infections',
    tags: ['cold', 'flu', 'influenza', 'virus', 'runny-nose', 'cough'],
    language: 'en',
    body: `Colds and flu are infections of the nose, throat and airways caused by viruses. They spread through droplets when people cough or sneeze, and from hands and surfaces. Most people recover at home without needing to see anyone.

## Cold or flu?

A **cold** usually comes on gradually. You may have a blocked or runny nose, sneezing, a sore throat and a mild cough. You usually feel well enough to carry on with your day.

**Flu** (influenza) tends to come on suddenly. It often brings a high temperature, aching muscles, tiredness, chills and a dry cough. Many people with flu feel too unwell to get out of bed for a few days.

## What helps

- Rest, and keep warm.
- Drink plenty of fluids.
- Pharmacy remedies for pain and fever can ease aches and a high temperature. Follow the label or ask your pharmacist, and check you are not taking the same medicine twice in different cold and flu products.
- Steam, saline nose sprays or warm drinks with honey (not for babies under one year old) can soothe a blocked nose or sore throat.
- Wash your hands often and catch coughs and sneezes in a tissue.

Antibiotics do not work against viruses, so they will not help a cold or flu. A yearly flu vaccine lowers the chance of catching flu and is especially worth having if you are older, pregnant or have a long-term condition.

## How long it lasts

A cold usually improves within a week to ten days. Flu often gets better within a week, though tiredness and a cough can linger for a few weeks.

## When to get help

Speak to a doctor, nurse or pharmacist if:

- you are not getting better after about ten days, or you start to feel worse
- you have a long-term condition such as asthma, diabetes, or heart or lung disease, or you are pregnant
- you are older and becoming much less well

**Call your local emergency number (such as 999, 112 or 911)** if you have difficulty breathing, chest pain, lips or skin turning blue or grey, sudden confusion, or you are coughing up blood.`,
  },
  {
    slug: 'sore-throat',
    title: 'Sore throat: easing the pain and knowing when it needs checking',
    summary:
      'Most sore throats are caused by viruses and get better within a week. Simple ways to ease the pain at home, and the signs that mean you should get a throat checked or get urgent help.',
    category: 'fever-and-infections',
    tags: ['sore-throat', 'tonsillitis', 'swallowing', 'infection'],
    language: 'en',
    body: `A sore throat is very common. It is usually caused by a virus, often alongside a cold, and tends to get better on its own within about a week. Sometimes the tonsils at the back of the throat are red and swollen; this is called tonsillitis.

## Common signs

- pain or scratchiness, often worse when swallowing
- a dry, hoarse voice
- swollen, tender glands in the neck
- a mild temperature, headache or aches

## Easing a sore throat at home

- Drink plenty of fluids. Cool or warm drinks can both feel soothing; avoid very hot drinks.
- Eat soft, cool foods if swallowing hurts.
- Gargle with warm salty water (adults and older children only, and do not swallow it).
- Suck ice cubes, ice lollies or lozenges (not for young children, who could choke on hard sweets).
- Rest your voice and avoid smoking or smoky places.
- A pharmacist can suggest pain relief or throat sprays. Follow the label or ask them what suits you.

## Do I need antibiotics?

Most sore throats are viral, and antibiotics do not help with viruses. A doctor or nurse may suggest antibiotics if they think a bacterial infection is likely, for example with a high temperature, pus on the tonsils and no cough. They will decide based on how you are.

## When to get help

See a doctor, nurse or pharmacist if:

- your sore throat has not improved after a week
- you keep getting sore throats
- you have a very high temperature or feel hot and shivery
- you have a weakened immune system

**Call your local emergency number (such as 999, 112 or 911)** or go to an emergency department if you have difficulty breathing, you are making a high-pitched noise when breathing in, you are drooling because you cannot swallow, your throat or tongue is swelling, or you cannot open your mouth properly.`,
  },
  {
    slug: 'urinary-tract-infections',
    title: 'Urinary tract infections (UTIs): symptoms, self-care and when to see someone',
    summary:
      'A UTI is an infection of the bladder or urinary system. The usual symptoms, what you can do, why some groups should always be checked, and the warning signs of a kidney infection.',
    category: 'fever-and-infections',
    tags: ['uti', 'bladder', 'cystitis', 'kidney', 'urine'],
    language: 'en',
    body: `A urinary tract infection (UTI) happens when bacteria get into the urinary system. Most UTIs affect the bladder (sometimes called cystitis). They are more common in women, but men and children can get them too.

## Common symptoms

- pain, burning or stinging when you pass urine (pee)
- needing to pee more often or more urgently than usual
- cloudy, dark or strong-smelling urine
- pain low in the tummy
- in older people, new confusion, agitation or falls can sometimes be the first sign

## What you can do

- Drink enough fluids to pass pale urine regularly.
- Rest, and use pharmacy pain relief if you need it. Follow the label or ask your pharmacist.
- Many pharmacists can assess UTI symptoms and advise whether you need treatment.

Mild bladder infections in some women may clear on their own within a few days, but a health professional should decide whether you need antibiotics.

## Lowering the chance of another UTI

- Pee as soon as you feel the need, and after sex.
- Wipe from front to back after using the toilet.
- Keep well hydrated through the day.
- Wear breathable underwear and avoid perfumed products around the genitals.

## When to get help

Speak to a doctor, nurse or pharmacist promptly if:

- you are a man, pregnant, or the symptoms are in a child
- you have blood in your urine
- symptoms do not start to improve within a couple of days, or they keep coming back
- you have a catheter, or diabetes or another long-term condition

A UTI can spread to the kidneys. Get urgent medical help the same day if you have pain in your back or side below the ribs, a high temperature, shivering, or you feel sick or are being sick.

**Call your local emergency number (such as 999, 112 or 911)** if someone is very confused, very drowsy, breathing very fast, has cold or blotchy skin, or has not passed urine all day.`,
  },
  {
    slug: 'vomiting-and-diarrhoea',
    title: 'Vomiting and diarrhoea in adults: managing a stomach bug',
    summary:
      'Stomach bugs usually pass within a few days. How to keep fluids up, what to eat, how to avoid spreading the infection, and when vomiting or diarrhoea needs medical attention.',
    category: 'fever-and-infections',
    tags: ['diarrhoea', 'vomiting', 'stomach-bug', 'gastroenteritis', 'dehydration'],
    language: 'en',
    body: `Vomiting (being sick, or throwing up) and diarrhoea (loose, watery poo, sometimes called the runs) are often caused by a stomach bug, also called gastroenteritis. It can be caught from other people or from food. It is unpleasant but usually gets better within a few days.

## The main risk: losing too much fluid

Vomiting and diarrhoea drain water and salts from the body. Signs of dehydration include:

- feeling very thirsty
- dark, strong-smelling urine, or peeing less than usual
- a dry mouth, lips or eyes
- feeling dizzy or light-headed, or very tired

## Looking after yourself

- **Keep sipping fluids**, little and often, even if you are being sick. Water is fine for most people.
- **Oral rehydration solutions** from a pharmacy replace lost salts and sugar. Follow the label or ask your pharmacist.
- **Eat when you feel able to.** Plain foods are easiest at first. There is no need to stop eating altogether.
- **Rest**, and stay near a toilet.
- Medicines to stop diarrhoea are not suitable for everyone. Check with a pharmacist before taking them.

## Stopping it spreading

- Wash your hands with soap and water after using the toilet and before handling food. Alcohol gels do not kill all stomach bugs.
- Do not prepare food for others while you are unwell.
- Clean toilet seats, flush handles and taps regularly.
- Stay off work or school until 48 hours after the last episode.

## When to get help

Contact a doctor, nurse or your urgent advice service if:

- you cannot keep any fluids down, or you still show signs of dehydration after drinking
- diarrhoea lasts more than a week, or vomiting more than two days
- you have a long-term condition such as diabetes or kidney disease, or you are pregnant
- you are taking medicines that may need adjusting while you are unwell

**Call your local emergency number (such as 999, 112 or 911)** if you vomit blood or something that looks like coffee grounds, have black or bloody poo, severe tummy pain, a stiff neck, confusion, or you have stopped passing urine.`,
  },
  {
    slug: 'asthma-basics',
    title: 'Living with asthma: inhalers, triggers and what to do in an attack',
    summary:
      'Asthma makes the airways narrow and swell. Why preventer and reliever inhalers matter, how to spot your triggers, using an action plan, and what to do when symptoms get worse.',
    category: 'breathing-and-lungs',
    tags: ['asthma', 'inhaler', 'wheezing', 'breathing', 'action-plan'],
    language: 'en',
    body: `Asthma is a long-term condition that affects the airways, the tubes that carry air in and out of the lungs. When something irritates them, the airways tighten, swell and make extra mucus, which makes breathing harder.

## Common symptoms

- wheezing or feeling wheezy (a whistling sound when breathing)
- breathlessness
- a tight feeling in the chest, often at night
- coughing, often worse at night or early in the morning

## Inhalers

Most people with asthma use inhalers:

- A **reliever** inhaler works quickly to open the airways when you have symptoms.
- A **preventer** inhaler calms the swelling in the airways over time. It works best when used every day, as prescribed, even when you feel well.

Some people use a single combined inhaler. Ask a nurse, doctor or pharmacist to check how you use your inhaler: good technique makes a real difference. A spacer can help more of the medicine reach the lungs.

## Knowing your triggers

Common triggers include colds and flu, pollen, dust, pets, smoke, cold air, exercise and strong smells. Keeping a note of when symptoms start can help you spot yours.

## Your asthma action plan

A written action plan, agreed with your nurse or doctor, tells you what to take each day, how to recognise when asthma is getting worse, and what to do in an attack. Keep it somewhere easy to find.

## Signs your asthma is not well controlled

- you need your reliever inhaler three or more times a week
- symptoms wake you up at night
- asthma stops you doing everyday things

If any of these apply, book an asthma review.

## When to get help

In an asthma attack, sit up straight, stay calm and use your reliever inhaler as your action plan says.

**Call your local emergency number (such as 999, 112 or 911)** if your reliever is not helping, you are too breathless to speak, eat or sleep, your lips or fingertips are turning blue or grey, or you feel drowsy or confused. Keep using your reliever as your plan advises while you wait for help.`,
  },
  {
    slug: 'persistent-cough',
    title: 'A cough that will not go away: common causes and when to get it checked',
    summary:
      'Most coughs clear up within three weeks. What can keep a cough going, simple ways to ease it, and the signs that mean a lingering cough should be looked at by a doctor.',
    category: 'breathing-and-lungs',
    tags: ['cough', 'chest', 'phlegm', 'breathing', 'smoking'],
    language: 'en',
    body: `Coughing is the body's way of clearing the airways. After a cold or flu, a cough often hangs on for two or three weeks, even when you otherwise feel better. A cough lasting longer than that is worth having checked.

## Common reasons for a cough that lingers

- irritation left behind after a viral infection
- mucus dripping down the back of the throat from the nose or sinuses
- asthma, which can sometimes show up mainly as a cough
- acid from the stomach coming up (reflux)
- smoking, or breathing in smoke or dust
- some medicines, including certain blood pressure tablets

Only a health professional can work out the cause, so use this list as a starting point for that conversation, not as a diagnosis.

## Easing a cough

- Drink plenty of fluids.
- Warm drinks with honey and lemon can soothe the throat (no honey for babies under one year).
- Pharmacy cough remedies may help some people. Ask your pharmacist whether one is suitable, especially for children or if you take other medicines.
- Avoid smoke. Stopping smoking is one of the best things you can do for your lungs, and support to quit is available.

## When to get help

Book an appointment with a doctor or nurse if:

- your cough has lasted more than three weeks
- you are losing weight without trying
- you have a hoarse voice for more than three weeks
- you have night sweats, or your cough keeps getting worse
- you have a long-term lung or heart condition, or a weakened immune system
- you have a lump or swelling in your neck

**Get urgent help, or call your local emergency number (such as 999, 112 or 911)**, if you are coughing up more than a little blood, have chest pain, find it very hard to breathe, or your lips or skin are turning blue or grey.`,
  },
  {
    slug: 'eczema-and-dry-skin',
    title: 'Eczema and dry, itchy skin: daily care and managing flare-ups',
    summary:
      'Eczema makes skin dry, itchy and inflamed. How moisturisers (emollients) help, avoiding triggers, coping with the itch, and the signs of infected eczema that need prompt attention.',
    category: 'skin',
    tags: ['eczema', 'dry-skin', 'itching', 'emollient', 'rash'],
    language: 'en',
    body: `Eczema (also called atopic dermatitis) is a common condition that makes the skin dry, itchy, cracked and sore. It often starts in childhood and tends to come and go, with flare-ups when it gets worse. It is not contagious.

## Looking after your skin every day

The most important step is keeping the skin moisturised with an emollient, a moisturiser made for dry skin.

- Apply emollient often, including when the skin looks clear, smoothing it in the direction the hair grows.
- Use an emollient or soap substitute instead of ordinary soap, bubble bath or shower gel.
- Pat the skin dry after washing and apply emollient straight away.
- Keep your own tub of emollient, and use a clean spoon to take it out so it does not get contaminated.

## Common triggers

- soaps, detergents and perfumed products
- heat, sweating and scratchy fabrics such as wool
- stress
- for some people, dust mites, pets or pollen

## Coping with the itch

- Keep nails short, and try gloves at night if scratching in sleep is a problem.
- Press or pat itchy skin instead of scratching.
- Wear soft cotton clothes.

## Treating flare-ups

During a flare-up, a doctor, nurse or pharmacist may suggest a cream to calm the inflammation. Use any prescribed cream exactly as directed and follow the label; ask your pharmacist if you are unsure how much to use or for how long.

## When to get help

See a doctor, nurse or pharmacist if:

- eczema is affecting your sleep, work or daily life
- treatments you are using are not helping
- the skin becomes weepy, crusted, hot or more painful, which can mean an infection

Get help the same day if eczema suddenly gets much worse and you feel unwell or have a fever, or if you see painful clusters of blisters or punched-out sores. These can be signs of a serious skin infection that needs urgent treatment. **Call your local emergency number (such as 999, 112 or 911)** if someone is very unwell, drowsy or struggling to breathe.`,
  },
  {
    slug: 'sun-safety',
    title: 'Sun safety: protecting your skin and spotting sunburn and heat illness',
    summary:
      'Too much sun causes sunburn and raises the risk of skin cancer. How to protect your skin, care for sunburn, notice mole changes, and recognise heat exhaustion and heatstroke.',
    category: 'skin',
    tags: ['sunburn', 'sunscreen', 'moles', 'heatstroke', 'skin-cancer'],
    language: 'en',
    body: `Sunlight helps the body make vitamin D, but too much ultraviolet (UV) light damages the skin. Sunburn is a sign of damage, and repeated burning raises the risk of skin cancer later in life. You can burn even on cloudy or cool days.

## Protecting your skin

- Spend time in the shade when the sun is strongest, usually around the middle of the day.
- Cover up with loose clothing, a wide-brimmed hat and sunglasses.
- Use a broad-spectrum sunscreen (suncream) with a high protection factor. Apply plenty, and reapply often, especially after swimming or sweating. Follow the label.
- Take extra care with babies and children: keep babies out of direct sun.

## Caring for sunburn

- Get out of the sun and cool the skin with a cool shower, bath or damp cloth.
- Apply an after-sun or aloe gel.
- Drink plenty of water.
- Pharmacy pain relief can ease soreness. Follow the label or ask your pharmacist.
- Do not burst any blisters.

## Checking your skin

Get to know your moles and skin. See a doctor if you notice a new mole, a mole that changes in size, shape or colour, one that bleeds, itches or crusts, or a sore that does not heal within a few weeks.

## Heat exhaustion and heatstroke

Heat exhaustion can cause headache, dizziness, heavy sweating, cramps, feeling sick and intense thirst. Move to a cool place, lie down with the feet raised, drink water and cool the skin. Most people feel better within half an hour.

## When to get help

Speak to a doctor or pharmacist if sunburn covers a large area, blisters badly, or comes with a high temperature or shivering.

**Call your local emergency number (such as 999, 112 or 911)** if someone with heat exhaustion is not better after 30 minutes of cooling, or shows signs of heatstroke: hot skin that has stopped sweating, confusion, a fit (seizure), fast breathing, or loss of consciousness. Keep cooling them while you wait.`,
  },
  {
    slug: 'cellulitis-and-skin-infections',
    title: 'Skin infections and cellulitis: recognising them and caring for wounds',
    summary:
      'Bacteria can infect the skin through small cuts, bites or cracks. The signs of cellulitis, how to lower the risk, why it needs a health professional, and when redness is an emergency.',
    category: 'skin',
    tags: ['cellulitis', 'skin-infection', 'wound', 'redness', 'swelling'],
    language: 'en',
    body: `Our skin is a barrier against germs. When it is broken by a cut, graze, insect bite, cracked skin or a patch of eczema, bacteria can get in and cause an infection. Cellulitis is an infection of the deeper layers of the skin, most often on the legs.

## Signs of a skin infection

- skin that is red, darker than usual, or discoloured (this can be harder to see on brown and black skin)
- swelling, warmth and tenderness that spreads
- pain that is getting worse
- pus or fluid from a wound
- feeling generally unwell, with a fever or chills

## Why it should be checked

Cellulitis does not get better on its own and usually needs treatment prescribed by a health professional. Starting treatment early helps stop it spreading. If you are given medicine, take it exactly as prescribed and finish the course unless you are told otherwise.

## Lowering the risk

- Clean cuts and grazes with clean running water and cover them with a dressing.
- Keep skin moisturised so it does not crack, especially on the feet and legs.
- Look after athlete's foot and other skin conditions.
- If you have diabetes, check your feet every day.
- Raising a swollen leg on a cushion can help it heal.

It can help to draw around the edge of the redness with a pen, so you and your health professional can see if it is spreading.

## When to get help

See a doctor, nurse or urgent care service the same day if:

- an area of skin is red or discoloured, hot, swollen and painful
- redness around a wound is spreading
- you have diabetes or a weakened immune system and notice a skin infection

**Call your local emergency number (such as 999, 112 or 911)** if the infection is around the eye or on the face and you feel unwell, the skin is spreading very fast or turning dark or blistered, pain is far worse than the skin looks, or the person is confused, breathing fast, or has cold, blotchy skin. These can be signs of a serious infection.`,
  },
];
