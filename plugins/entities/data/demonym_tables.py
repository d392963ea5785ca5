"""Nationality and inhabitant words (DEMONYM) for gen-places.py.

Each line: English adjective[,other English nouns] | French masculine
singular[/feminine singular]. The French plural and feminine forms and the
English plurals are derived by rule; irregular forms are given. Written for
tamis (the words are facts of the languages)."""

import os

COUNTRIES = """
Afghan|afghan
Albanian|albanais
Algerian|algérien
American|américain
Andorran|andorran
Angolan|angolais
Argentine,Argentinian|argentin
Armenian|arménien
Australian,Aussie|australien
Austrian|autrichien
Azerbaijani,Azeri|azerbaïdjanais
Bahamian|bahaméen
Bahraini|bahreïnien
Bangladeshi|bangladais
Barbadian|barbadien
Belarusian|biélorusse
Belgian|belge
Belizean|bélizien
Beninese|béninois
Bhutanese|bhoutanais
Bolivian|bolivien
Bosnian|bosnien
Botswanan,Motswana|botswanais
Brazilian|brésilien
British,Briton,Brit|britannique
Bruneian|brunéien
Bulgarian|bulgare
Burkinabe,Burkinabé|burkinabé
Burmese|birman
Burundian|burundais
Cambodian|cambodgien
Cameroonian|camerounais
Canadian|canadien
Cape Verdean|cap-verdien
Central African|centrafricain
Chadian|tchadien
Chilean|chilien
Chinese|chinois
Colombian|colombien
Comoran,Comorian|comorien
Congolese|congolais
Costa Rican|costaricien
Ivorian|ivoirien
Croatian,Croat|croate
Cuban|cubain
Cypriot|chypriote
Czech|tchèque
Danish,Dane|danois
Djiboutian|djiboutien
Dominican|dominicain
Dutch,Dutchman|néerlandais
Ecuadorian|équatorien
Egyptian|égyptien
Salvadoran|salvadorien
Equatorial Guinean|équato-guinéen
Eritrean|érythréen
Estonian|estonien
Ethiopian|éthiopien
Fijian|fidjien
Filipino,Filipina|philippin
Finnish,Finn|finlandais
French,Frenchman,Frenchwoman|français
Gabonese|gabonais
Gambian|gambien
Georgian|géorgien
German|allemand
Ghanaian|ghanéen
Greek|grec/grecque
Grenadian|grenadien
Guatemalan|guatémaltèque
Guinean|guinéen
Guyanese|guyanien
Haitian|haïtien
Honduran|hondurien
Hungarian|hongrois
Icelandic,Icelander|islandais
Indian|indien
Indonesian|indonésien
Iranian|iranien
Iraqi|irakien
Irish,Irishman|irlandais
Israeli|israélien
Italian|italien
Jamaican|jamaïcain
Japanese|japonais
Jordanian|jordanien
Kazakh,Kazakhstani|kazakh
Kenyan|kényan
Kosovar,Kosovan|kosovar
Kuwaiti|koweïtien
Kyrgyz|kirghize
Lao,Laotian|laotien
Latvian|letton
Lebanese|libanais
Liberian|libérien
Libyan|libyen
Liechtensteiner|liechtensteinois
Lithuanian|lituanien
Luxembourger,Luxembourgish|luxembourgeois
Macedonian|macédonien
Malagasy|malgache
Malawian|malawite
Malaysian|malaisien
Maldivian|maldivien
Malian|malien
Maltese|maltais
Mauritanian|mauritanien
Mauritian|mauricien
Mexican|mexicain
Moldovan|moldave
Monegasque|monégasque
Mongolian|mongol
Montenegrin|monténégrin
Moroccan|marocain
Mozambican|mozambicain
Namibian|namibien
Nepalese,Nepali|népalais
New Zealander,Kiwi|néo-zélandais
Nicaraguan|nicaraguayen
Nigerien|nigérien
Nigerian|nigérian
North Korean|nord-coréen
Norwegian|norvégien
Omani|omanais
Pakistani|pakistanais
Palestinian|palestinien
Panamanian|panaméen
Papua New Guinean|papouasien
Paraguayan|paraguayen
Peruvian|péruvien
Polish,Pole|polonais
Portuguese|portugais
Puerto Rican|portoricain
Qatari|qatari
Romanian|roumain
Russian|russe
Rwandan|rwandais
Samoan|samoan
Saudi,Saudi Arabian|saoudien
Senegalese|sénégalais
Serbian,Serb|serbe
Sierra Leonean|sierra-léonais
Singaporean|singapourien
Slovak|slovaque
Slovenian,Slovene|slovène
Somali|somalien
South African|sud-africain
South Korean|sud-coréen
South Sudanese|sud-soudanais
Spanish,Spaniard|espagnol
Sri Lankan|sri-lankais
Sudanese|soudanais
Surinamese|surinamais
Swazi|swazi
Swedish,Swede|suédois
Swiss|suisse/suisse
Syrian|syrien
Taiwanese|taïwanais
Tajik|tadjik
Tanzanian|tanzanien
Thai|thaïlandais
Togolese|togolais
Tongan|tongien
Trinidadian|trinidadien
Tunisian|tunisien
Turkish,Turk|turc/turque
Turkmen|turkmène
Ugandan|ougandais
Ukrainian|ukrainien
Emirati|émirien
English,Englishman,Englishwoman|anglais
Scottish,Scot|écossais
Welsh,Welshman|gallois
Northern Irish|nord-irlandais
Uruguayan|uruguayen
Uzbek|ouzbek/ouzbèke
Venezuelan|vénézuélien
Vietnamese|vietnamien
Yemeni|yéménite
Zambian|zambien
Zimbabwean|zimbabwéen
Korean|coréen
Tibetan|tibétain
Kurdish,Kurd|kurde
Jewish,Jew|juif/juive
Muslim|musulman
Christian|chrétien
Hindu|hindou
Sikh|sikh
Buddhist|bouddhiste
Catholic|catholique
Protestant|protestant
Orthodox|orthodoxe
Shia,Shiite|chiite
Sunni|sunnite
Hispanic,Latino,Latina|hispanique
Roma|rom/rom
Sami|sami/sami
Inuit|inuit
Rohingya|rohingya/rohingya
Pashtun|pachtoune
Hazara|hazara/hazara
Tamil|tamoul
Druze|druze
Alawite|alaouite
Yazidi|yézidi
Cossack|cosaque
Bedouin|bédouin
Tutsi|tutsi
Hutu|hutu/hutu
Zulu|zoulou
Maori|maori
Aboriginal,Aborigine|aborigène
Slav|slave
Anglo-Saxon|anglo-saxon
Germanic|germanique
Celtic,Celt|celte
Viking|viking
Aztec|aztèque
Inca|inca/inca
Maya,Mayan|maya/maya
Chechen|tchétchène
Uyghur,Uighur|ouïghour
Tatar|tatar
Greenlandic,Greenlander|groenlandais
Corsican|corse
Basque|basque
Catalan|catalan
Breton|breton
Alsatian|alsacien
Norman|normand
Provençal|provençal/provençale
Flemish,Fleming|flamand
Walloon|wallon
Bavarian|bavarois
Sicilian|sicilien
Sardinian|sarde
Andalusian|andalou/andalouse
Galician|galicien
Quebecer,Quebecker,Québécois|québécois
Californian|californien
Texan|texan
Floridian|floridien
Hawaiian|hawaïen
Ontarian|ontarien
Scandinavian|scandinave
Nordic|nordique
Baltic|balte
Balkan|balkanique
European|européen
African|africain
Asian|asiatique
Latin American|latino-américain
North American|nord-américain
South American|sud-américain
Arab|arabe
Maghrebi|maghrébin
Caribbean|caribéen
Oceanian|océanien
Antillean|antillais
Levantine|levantin
Persian|persan
Berber,Amazigh|berbère
Kabyle|kabyle
Parisian|parisien
Londoner|londonien
New Yorker|new-yorkais
Berliner|berlinois
Roman|romain
Muscovite|moscovite
Lyonnais|lyonnais
Marseillais|marseillais
Bordelais|bordelais
Toulousain|toulousain
Niçois|niçois
Nantais|nantais
Lillois|lillois
Strasbourgeois|strasbourgeois
Montpelliérain|montpelliérain
Rennais|rennais
Grenoblois|grenoblois
Stéphanois|stéphanois
Bruxellois|bruxellois
Genevan|genevois
Lausannois|lausannois
Montrealer|montréalais
Madrilenian|madrilène
Barcelonan|barcelonais
Milanese|milanais
Neapolitan|napolitain
Florentine|florentin
Venetian|vénitien
Viennese|viennois
Athenian|athénien
Pekingese|pékinois
Tokyoite|tokyoïte
Bostonian|bostonien
Angeleno|
Chicagoan|
Texan|texan
Liverpudlian|
Mancunian|
Glaswegian|
Dubliner|dublinois
Hamburger|hambourgeois
"""

# English plural same as the adjective ("the French", "the Chinese").
SAME_PLURAL_ENDINGS = ('ese', 'sh', 'ss', 'ench', 'utch')
SAME_PLURAL = {'Lao', 'Malagasy', 'Swazi', 'Québécois', 'Lyonnais', 'Marseillais',
               'Bordelais', 'Niçois', 'Nantais', 'Lillois', 'Rennais', 'Grenoblois',
               'Stéphanois', 'Bruxellois', 'Lausannois', 'Strasbourgeois', 'Kyrgyz',
               'Roma', 'Inuit', 'Sami', 'Rohingya', 'Druze'}
# English words that are adjectives only: no plural noun.
ADJ_ONLY = {'Nordic', 'Baltic', 'Balkan', 'Caribbean', 'Levantine', 'Luxembourgish',
            'Icelandic', 'Greenlandic', 'Northern Irish', 'Celtic', 'Germanic',
            'Orthodox', 'Jewish', 'Aboriginal'}
# English irregular plurals of the extra nouns.
EN_PLURAL = {'Frenchman': 'Frenchmen', 'Frenchwoman': 'Frenchwomen',
             'Englishman': 'Englishmen', 'Englishwoman': 'Englishwomen',
             'Irishman': 'Irishmen', 'Welshman': 'Welshmen', 'Dutchman': 'Dutchmen',
             'Motswana': 'Batswana', 'Kiwi': 'Kiwis', 'Amazigh': 'Imazighen'}

# Demonyms that are also common words or names: lower weight.
WEIGHT = {'Roman': 0.6, 'Norman': 0.5, 'Hamburger': 0.2, 'Kiwi': 0.5,
          'Swede': 0.5, 'Pole': 0.4, 'Poles': 0.4, 'Finn': 0.6, 'Turk': 0.8,
          'Dane': 0.6, 'Scot': 0.6, 'Pekingese': 0.3, 'Pékinois': 0.4,
          'Chinois': 0.8, 'Breton': 0.8, 'Flamand': 0.8, 'Persian': 0.6,
          'Persan': 0.6, 'Tatar': 0.8, 'Romain': 0.5, 'Romains': 0.6,
          'Romaine': 0.4, 'Basque': 0.8, 'Norman': 0.5, 'Normand': 0.6,
          'Corse': 0.7, 'Grec': 0.9, 'Turc': 0.9, 'Turque': 0.9, 'Arabe': 0.9,
          'Arab': 0.9, 'Malaysian': 1, 'Sarde': 0.8, 'Balte': 0.9,
          'Guinéen': 1, 'Brit': 0.8, 'Aussie': 0.8, 'Chicagoan': 0.9,
          'Angeleno': 0.8, 'Pakistani': 1, 'Swiss': 0.9,
          'Danish': 0.9, 'Polish': 0.5, 'Berliner': 0.8, 'Hamburger': 0.2,
          'Hambourgeois': 0.8, 'Provençal': 0.8, 'Catalan': 0.9, 'Welsh': 0.9,
          'Montrealer': 1, 'Chinese': 1, 'Bulgare': 0.9, 'Bulgares': 0.9,
          'Belge': 1, 'Suisse': 0.9, 'Suisses': 0.9, 'Kiwis': 0.5, 'Hamburgers': 0.2,
          'Romans': 0.6, 'Normans': 0.5, 'Normands': 0.6, 'Normande': 0.6,
          'Danes': 0.7, 'Finns': 0.7, 'Scots': 0.8, 'Swedes': 0.5,
          'Angelino': 0.7, 'Maya': 0.5, 'Inca': 0.8, 'Viking': 0.7, 'Vikings': 0.6,
          'Christian': 0.4, 'Sami': 0.5, 'Roma': 0.5, 'Latina': 0.6, 'Latino': 0.8,
          'Slave': 0.5, 'Slaves': 0.6, 'Orthodox': 0.8, 'Orthodoxe': 0.8,
          'Protestant': 0.9, 'Rom': 0.6, 'Roms': 0.8, 'Sikh': 1, 'Hindu': 1,
          'Aztec': 0.8, 'Celt': 0.9, 'Zulu': 0.9}


def fr_forms(masc, fem=None):
    """The four French forms, capitalised as nouns (Sud-Africaine)."""
    if fem is None:
        if masc.endswith('e'):
            fem = masc
        elif masc.endswith('en'):        # coréen, hawaïen, libyen
            fem = masc + 'ne'
        elif masc.endswith(('on',)) and not masc.endswith('ton') or masc.endswith(('letton', 'breton', 'wallon')):
            fem = masc + 'ne'
        else:
            fem = masc + 'e'
    mp = masc if masc.endswith(('s', 'x')) else masc + 's'
    fp = fem + 's'
    if masc.endswith('al'):
        mp = masc[:-2] + 'aux'
    forms = [masc, fem, mp, fp]
    return ['-'.join(p[:1].upper() + p[1:] for p in f.split('-')) for f in forms]


def en_forms(words):
    """Adjective and nouns, singular and plural."""
    def plural(w):
        if w in ADJ_ONLY or w in SAME_PLURAL or w.endswith(SAME_PLURAL_ENDINGS):
            return None
        return EN_PLURAL.get(w, w + 's')
    out = []
    for w in words:
        out.append(w)
        p = plural(w)
        if p:
            out.append(p)
    return out


def write_demonyms(here, header):
    en, fr = {}, {}
    for line in COUNTRIES.strip().splitlines():
        ens, _, frs = line.partition('|')
        ewords = [w.strip() for w in ens.split(',') if w.strip()]
        if ewords:
            for w in en_forms(ewords):
                en.setdefault(w, ewords[0])
        if frs.strip():
            masc, _, fem = frs.strip().partition('/')
            forms = fr_forms(masc, fem or None)
            for w in forms:
                fr.setdefault(w, forms[0])
    out = {'common': {}, 'en': {}, 'fr': {}}
    for t in set(en) | set(fr):
        if t in en and t in fr and en[t] == fr[t]:
            out['common'][t] = en[t]
        else:
            if t in en:
                out['en'][t] = en[t]
            if t in fr:
                out['fr'][t] = fr[t]
    about = {
        'common': 'Nationality and inhabitant words written the same in English and French (DEMONYM).',
        'en': 'English nationality and inhabitant words (DEMONYM): adjectives and nouns, singular and plural.',
        'fr': 'Gentilés français (DEMONYM) : masculin, féminin, singulier, pluriel, avec majuscule.',
    }
    counts = {}
    for d, entries in out.items():
        with open(os.path.join(here, d, 'demonyms.tsv'), 'w', encoding='utf-8') as f:
            f.write(header)
            f.write('# ' + about[d] + '\n')
            f.write('# The plugin reads the case: in French only the capitalised noun is a\n'
                    '# name (les Français), the lower-case adjective is not. Canonical: the\n'
                    '# base form. Written for tamis, generated by gen-places.py; see SOURCES.md.\n')
            for t in sorted(entries, key=lambda s: (s.casefold(), s)):
                w = WEIGHT.get(t, 1)
                ws = ('%.2f' % w).rstrip('0').rstrip('.')
                canon = entries[t]
                f.write('%s\tDEMONYM\t%s\t%s\n' % (t, ws, '' if canon == t else canon))
        counts[d] = len(entries)
    import sys
    print('demonyms.tsv', counts, file=sys.stderr)
    return set(en) | set(fr)
