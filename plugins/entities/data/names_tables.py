"""Given and family names written for tamis, for cultures the name lists of
the @faker-js/faker package do not cover in Latin script. Names are facts;
the selection was made for tamis."""

FIRST = {
    'arabic': """Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Ali Omar Umar Youssef Yusuf
        Ibrahim Hassan Hussein Hussain Khaled Khalid Mahmoud Mustafa Moustafa Abdullah
        Abdallah Abdelaziz Abdulaziz Abdel Abdul Abderrahmane Abdelkader Karim Kareem
        Rachid Rashid Said Saïd Samir Sami Tarek Tariq Walid Waleed Yasser Yassine Yacine
        Zakaria Hamza Bilal Nabil Nasser Nasir Faisal Fayçal Fahd Fahad Salman Sultan
        Majid Mansour Mounir Mourad Nour Noor Amine Amin Anas Ayoub Adel Adil Aziz
        Bachir Bashir Djamel Jamal Jamel Farid Fouad Hakim Hicham Hisham Ismail Ismaël
        Jalal Kamal Kamel Lotfi Malik Marwan Mehdi Mahdi Moussa Musa Naïm Naim Nizar
        Othmane Osman Rami Ramzi Riad Riyad Sofiane Soufiane Sufyan Taha Tahar Wassim
        Yazid Younes Younès Zied Ziad Zinedine Mohand Abbas Issa Haroun Idris Driss
        Fatima Fatma Aïcha Aisha Aicha Khadija Mariam Maryam Meriem Myriam Amina Leila
        Leïla Layla Nadia Samira Salma Sara Yasmina Yasmine Jasmine Zineb Zainab Zeinab
        Zahra Houda Huda Hind Imane Iman Inès Rania Ranya Rim Reem Rym Sana Sanaa
        Souad Dounia Dunya Farah Ghada Hanane Hana Hiba Hayat Karima Latifa Lina Lubna
        Malika Mouna Mona Nawal Nour Nora Noura Rachida Rajae Rahma Safia Salima Samia
        Sonia Wafa Warda Yousra Yusra Zohra Asma Asmaa Amal Amira Dalia Djamila Jamila
        Fadila Ghizlane Habiba Halima Kenza Loubna Najat Nesrine Rokia Siham Soraya""",
    'chinese': """Wei Fang Min Jing Li Lei Jun Yan Yong Jie Tao Ming Chao Hui Xin Hong Ying
        Hua Bin Bo Gang Hai Jian Lin Ping Qiang Tian Xiang Yi Yu Zhen Zhi Dong Feng
        Guang Hao Kai Liang Long Peng Qing Rui Song Wen Xiaoming Xiaohong Xiaoping
        Xiaoyan Xiaowei Jianguo Jianhua Guoqiang Zhiwei Zhiqiang Weiwei Haiyan Lili
        Yanping Yuxuan Zihan Haoran Yuhang Zixuan Yichen Junjie Jiahao Xinyi Yutong
        Mingyu Ruoxi Shuang Xue Yun Zhihao Jiayi Jinping Keqiang Qiang Xiaoping
        Zemin Jintao Rongji Huning Yang Qishan Zhengsheng Yi Wenbo Wenjun Jiang
        Chenglong Yao Ling Mei Meiling Lan Ning Na Qian Ru Shu Xia Xiu Yue Zhou
        Huiyan  Lei Jun Kaifu  Jack Robin Zhengfei Zhiyuan Yiming""",
    'japanese': """Hiroshi Takeshi Kenji Kenta Takashi Satoshi Kazuki Yuki Yuto Haruto Sota
        Riku Ren Daiki Shota Shun Taro Ichiro Jiro Akira Makoto Masashi Masayoshi
        Naoki Noboru Osamu Ryo Ryota Shigeru Shinji Shinzo Fumio Yoshihide Junichiro
        Yoshihiko Naoto Yukio Taro Toshiro Tadashi Takumi Tetsuya Tomohiro Yasuo
        Yoshiro Yusuke Daisuke Keisuke Kosuke Kohei Shohei Hideki Hideo Hayao Haruki
        Akio Kazuo Koji Kenzo Masahiro Masaru Minoru Tatsuya Tomoaki Toru Yoichi
        Yuji Yukihiro Yuzuru Kei Kaito Sakura Yui Hina Aoi Yuna Mio Rin Mei Haruka
        Ayaka Misaki Nanami Saki Yuka Yoko Keiko Kazuko Michiko Naomi Noriko Akiko
        Emiko Hiroko Junko Kumiko Mariko Masako Megumi Miho Miki Mayumi Sachiko
        Tomoko Yumiko Yuko Sanae Yuriko Hanako Natsuki Chihiro Asuka Ayumi Kaori""",
    'korean': """Min-jun Seo-jun Do-yun Ji-ho Ha-jun Joon-ho Jae-in Jae-yong Moon Yoon
        Sung-min Min-ho Ji-hoon Hyun-woo Dong-hyun Seung-ho Tae-yang Young-soo
        Young-ho Kwang-soo Sang-woo Jung-hoon Jin-woo Jong-un Kyung-soo Byung-chul
        Kun-hee Suk-yeol Jae-myung Chang-ho Hee-chan Heung-min Seo-yeon Ji-woo
        Seo-yun Ji-yoo Ha-eun Min-seo Ji-min Soo-ah Yu-na Hye-jin Eun-ji Ji-eun
        Soo-jin Min-ji Yeon-woo Hye-won Su-bin Ye-jin Da-eun Chae-won Ji-yeon
        Geun-hye Kyung-wha Mi-rae Hyun-joo Eun-young Sun-hee Young-hee Mi-kyung
        Jisoo Jennie Jimin Jungkook Taehyung Seokjin Namjoon Hoseok Yoongi""",
    'indian': """Aarav Aditya Amit Anil Arjun Ashok Deepak Dev Dinesh Ganesh Gaurav Harsh
        Karan Krishna Kumar Manish Manoj Mukesh Naveen Nikhil Pankaj Prakash Pranav
        Rahul Raj Rajesh Rajiv Rakesh Ramesh Ravi Rohan Rohit Sachin Sandeep Sanjay
        Satya Shankar Shiv Suresh Sunil Sundar Tushar Varun Vijay Vikram Vinod
        Vivek Yash Narendra Rajnath Amitabh  Gautam Mukesh Ratan Azim Anand
        Sundar Shantanu Nandan Nitin Arvind Mamata Sonia Priyanka Indira Jawaharlal
         Mohandas Subhas Sardar Atal Manmohan Pranab Ram Nath Droupadi
        Aishwarya Ananya Anjali Anita Anushka Deepika Divya Isha Kavya Lakshmi
        Meera Neha Nisha Pooja Priya Radha Rani Rekha Riya Sakshi Shreya Shruti
        Sita Sneha Sunita Swati Tanvi Usha Vidya Kiran Nirmala Smriti Kamala Indra
        Padma Savitri Gita Geeta Jyoti Lata Asha Madhuri Preeti Aditi Aarti""",
    'russian': """Aleksandr Alexander Aleksei Alexei Alexey Anatoly Andrei Andrey Anton Artem
        Artyom Boris Dmitri Dmitry Evgeny Yevgeny Fyodor Gennady Georgy Grigory Igor
        Ilya Ivan Kirill Konstantin Leonid Maxim Mikhail Nikita Nikolai Oleg Pavel
        Pyotr Roman Ruslan Sergei Sergey Stanislav Timur Vadim Valentin Valery Vasily
        Viktor Vitaly Vladimir Vladislav Vyacheslav Yaroslav Yuri Yury Volodymyr
        Oleksandr Oleksiy Petro Taras Bohdan Mykola Mykhailo Vitali Vitaliy Denys
        Anastasia Anna Daria Darya Ekaterina Yekaterina Elena Yelena Galina Irina
        Ksenia Lyudmila Marina Maria Natalia Natalya Nadezhda Olga Polina Svetlana
        Tatiana Tatyana Valentina Vera Victoria Yulia Yuliya Zoya Alina Alla Oksana
        Larisa Lyubov Maya Nina Raisa Sofia Valeria Veronika Yana Elvira Zinaida""",
    'african': """Kwame Kofi Kojo Kwaku Kwesi Yaw Ama Akua Abena Adwoa Afua Efua Akosua
        Yaa Nana Chinedu Chukwuma Emeka Ikenna Obinna Nnamdi Uchenna Chidi Chiamaka
        Ngozi Nkechi Adaeze Chimamanda Olusegun Oluwaseun Babajide Bola
        Adebayo Ayodele Folake Funmilayo Yetunde Bukola Tunde Segun Wole Femi
        Goodluck Muhammadu Atiku Aliko Paul Uhuru Raila Jomo
        Nelson Thabo Jacob Cyril Julius Kgalema Sipho Thandiwe Nomvula Lindiwe
        Zanele Nkosazana Themba Bongani Mandla Sibusiso Lerato Palesa Tshepo
        Amadou Mamadou Moussa Ousmane Boubacar Ibrahima Cheikh Abdoulaye Souleymane
        Aminata Fatoumata Mariama Awa Aïssatou Adama Seydou Modibo Macky Bassirou
        Alassane Laurent Félix Denis  Idriss Mahamat Patrice Yoweri Abiy
        Haile Tewodros Tedros Meles Sahle-Work Hailemariam Samia Jakaya Kikwete
        Didier Samuel Yaya Sadio Mohamed Riyad Achraf Kalidou Naby Wilfried""",
    'spanish_portuguese': """Alejandro Alberto Álvaro Andrés Ángel Antonio Carlos César Cristian
        Daniel David Diego Eduardo Emilio Enrique Esteban Fernando Francisco Gabriel
        Gonzalo Guillermo Gustavo Héctor Hugo Ignacio Jaime Javier Jesús Jorge José
        Juan Julio Luis Manuel Marcos Mario Martín Mateo Miguel Nicolás Óscar Pablo
        Pedro Rafael Ramón Raúl Ricardo Roberto Rodrigo Salvador Santiago Sergio
        Tomás Vicente Xavier João Joaquim Luiz Luís Paulo Rui Tiago Thiago Vinícius
        Ana Andrea Beatriz Camila Carmen Carolina Catalina Claudia Cristina Daniela
        Elena Isabel Julia Laura Lucía Luisa Marta María Mercedes Natalia Paula
        Pilar Raquel Rocío Rosa Sofía Valentina Ximena Fernanda Gabriela Inês Joana
        Mariana Rita Leonor Graça Conceição Lula Dilma Jair Cristiano Neymar""",
    'german_italian': """Alexander Andreas Christian Daniel Dieter Frank Friedrich Günter
        Hans Heinz Helmut Horst Jan Jens Joachim Jörg Jürgen Karl Klaus Lars Lukas
        Manfred Markus Matthias Michael Olaf Peter Rainer Ralf Stefan Thomas Uwe
        Werner Wolfgang Angela Annalena Birgit Claudia Gabriele Heike Ingrid Karin
        Katrin Monika Petra Sabine Susanne Ursula Friedrich Armin Markus Boris
        Alessandro Andrea Antonio Carlo Claudio Davide Enrico Fabio Federico
        Francesco Giacomo Gianluca Giorgio Giovanni Giuseppe Lorenzo Luca Luigi
        Marco Matteo Massimo Mario Paolo Pietro Roberto Salvatore Sergio Silvio
        Stefano Vincenzo Giorgia Chiara Francesca Giulia Sara Valentina Elisa
        Federica Alessandra Paola Sergio  Elly""",
    'french_english_more': """Emmanuel Édouard Élisabeth Élise Éloïse Émilie Éric Étienne
        Gérald Gérard Hélène Jérôme Léa Léo Léon Loïc Maëlle Maëva Noémie Océane
        Raphaël Sébastien Stéphane Stéphanie Thaïs Zoé Chloé Clémence Clément
        Amélie Aurélien Aurélie Bérénice Cédric Cécile Céline Frédéric Frédérique
        Geneviève Gaël Gaëlle Gaëtan Hervé Inès Joël Joëlle Josée Jérémie Jérémy
        Mélanie Mélissa Ségolène Valérie Véronique Xavière Yannick Yaël Anaïs
        Benoît Françoise François Jean-Luc Jean-Marie Jean-Pierre Jean-Paul
        Jean-Claude Jean-Michel Jean-François Jean-Louis Jean-Yves Jean-Marc
        Jean-Baptiste Jean-Noël Jean-Christophe Jean-Philippe Marie-France
        Marie-Claude Marie-Christine Marie-Hélène Anne-Marie Anne-Sophie
        Pierre-Yves Pierre-Alain Marc-Antoine Paul-Henri Jean Jacques Xavier
        Elon Sam Satya Sundar Jensen Mark Jeff Tim Bill Warren Larry Sergey Dario
        Demis Mustafa Arthur Lisa Sheryl Susan Marissa Ginni Mary Safra Ursula""",
}

LAST = {
    'english_more': """Abbott Acosta Atkinson Bailey Ball Banks Barber Barker Barlow Barnett
        Barrett Bates Baxter Beck Benson Bentley Berry Bishop Blackwell Bolton Booth
        Bowen Bowman Bradshaw Brennan Briggs Brooks Buchanan Burgess Burton Byrne
        Caldwell Carlson Carr Carroll Carson Chambers Chandler Chapman Clarke Clayton
        Cohen Coleman Connolly Conway Cooke Cross Curtis Dalton Davidson Dawson Day
        Dean Dennis Dickinson Dillon Donnelly Donovan Douglas Doyle Drake Duffy Dunn
        Dyer Eaton Erickson Farrell Fleming Fletcher Flynn Foley Fowler Francis Fraser
        Frost Fuller Gallagher Gibbs Gilbert Glover Goodman Gould Graves Greer Hale
        Hammond Hancock Hanson Hardy Harmon Harper Hartley Harvey Hawkins Haynes Healy
        Higgins Hobbs Hodges Hodgson Holland Holt Hopkins Horton Houston Howell Hubbard
        Hughes Hutchinson Ingram Jarvis Jennings Kaufman Keller Kemp Kerr Kirby Kirk
        Knowles Lamb Lambert Lowe Lynch Mack Maddox Mann Marsh Matthews Maxwell McCann
        McCoy McGrath McLaughlin McLean McMahon Mercer Miles Moran Morrow Moss Mullins
        Murray Nash Newman Newton Nolan Norris Norton O'Donnell O'Reilly Osborne Owen
        Page Parsons Paterson Pearce Pearson Perkins Pope Potter Powers Pratt Preston
        Quinn Rankin Read Reid Reilly Rhodes Riley Roach Robbins Robson Rowe Russell
        Sanderson Saunders Sharp Shepherd Sherman Short Simmons Sims Slater Sloan Steele
        Stevenson Stokes Sutton Sweeney Swanson Talbot Thornton Todd Townsend Tucker
        Turner Vaughan Wade Walters Walton Ward Waters Watts Webster Weeks Welch Wheeler
        Whitaker Whitehead Wilkinson Willis Winters Wolfe Woodward Wyatt Yates York
        Zimmerman Blackburn Churchill Attlee Eden Macmillan Heath Wilson Callaghan Major
        Brown May Truss Johnson Sunak Reeves Rayner Farage Corbyn Badenoch""",
    'french_more': """Allard Auger Barbe Barthe Baudry Beaumont Bellanger Benard Bernier
        Besnard Blondel Bodin Bonneau Bouchard Boulay Bourdon Bousquet Bouvet Briand
        Brunel Buisson Camus Caron Chabert Charrier Chartier Chauvet Chevrier Clerc
        Colas Collin Coulon Courtois Couturier Cuvelier Delattre Delmas Deschamps
        Desjardins Devaux Didier Dumoulin Duprat Durant Ferrand Ferrier Fleuret
        Fontaine Forestier Fouquet Gallet Garreau Gaudin Geoffroy Gervais Gicquel
        Gilles Girault Godard Gosselin Granger Grenier Grimaud Guérin Guillou Guyon
        Hamel Hébert Hoarau Jacquemin Jourdan Jouve Lacombe Laine Lebon Lebreton
        Leclerc Lefort Legendre Legros Lemonnier Lenoir Leroux Letellier Levasseur
        Lombard Loiseau Maillot Marechal Martel Mathis Maurin Mercier Merle Meyer
        Michon Millet Mons Morvan Moulin Navarro Normand Ollivier Paquet Pasquier
        Pelletier Peltier Perrot Picard Pineau Poulet Prévost Raymond Rémy Renaud
        Ricard Richer Rigaud Rivière Robert Rocher Rolland Rousset Sabatier Salmon
        Tanguy Texier Thibault Thierry Tissot Toussaint Turpin Vallée Verdier
        Vidal Vial Villard Voisin Wagner Zimmermann""",
    'english': """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
        Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin
        Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker
        Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson
        Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans
        Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy
        Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard
        Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray
        Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross
        Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler
        Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson
        Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes
        Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro
        Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells
        Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson
        Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks
        Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills
        Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan
        Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen
        Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson
        Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston
        Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero
        George Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper
        Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin Dominguez
        Carr Lawson Jacobs  O'Brien O'Connor O'Neill O'Sullivan McCarthy
        MacDonald McKenzie Fitzgerald Gallagher Doyle Byrne Walsh Kavanagh Quinn
        Thatcher Blair Cameron Sunak Starmer Johnson Biden Trump Obama Clinton Bush
        Reagan Carter Nixon Roosevelt Lincoln Musk Bezos Zuckerberg Altman Nadella
        Pichai Cook Gates Buffett Dimon Huang Hassabis Amodei Sutskever Karpathy""",
    'french': """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon
        Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont
        Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc
        Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin
        Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval
        Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud
        Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche
        Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert
        Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey
        Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot
        Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur
        Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry
        Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly
        Hervé Schneider Fernandez Le Gall Collet Léger Bouvier Julien Prévost Millet
        Perrot Daniel Le Roux Cousin Germain Breton Besson Langlois Rémy Le Goff
        Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon
        Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin
        Poulain Tessier Chevallier Collin Chauvin Da Silva Bouchet Gay Lemaître
        Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier
        Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte Macron
        Mélenchon Le Pen Bardella Attal Borne Barnier Bayrou Lecornu Sarkozy
        Hollande Chirac Mitterrand Pompidou Giscard Jospin Villepin Fillon Juppé
        Philippe Castex Valls Ayrault Darmanin Retailleau Lagarde Villeroy Arnault
        Pinault Bettencourt Niel Bolloré Dassault Bouygues Drahi Saadé Pouyanné""",
    'chinese': """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He
        Lin Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian
        Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lü Ding Ren Lu Yao Shen Zhong
        Jiang Cui Tan Lu Fan Wang Liao Shi Jin Wei Jia Xia Fu Fang Zou Xiong Bai Meng
        Qin Qiu Hou Jiang Yin Xue Yan Duan Lei Long Li Tao He Gu Mao Hao Gong Shao
        Wan Qian Yan Tan Wen Chan Wong Leung Lau Cheung Ng Tsang Chow Ho Lam Yip
        Kwok Chiu Tse Fung Tang Lo Choi Lai Kwan Mak Yeung Tsai Hsu Lin Chang Huang""",
    'korean': """Kim Lee Park Choi Jung Jeong Kang Cho Jo Yoon Yun Jang Lim Im Han Oh Seo
        Shin Kwon Hwang Ahn An Song Jeon Hong Yoo Ko Moon Yang Son Bae Baek Heo Nam
        Roh Ha Kwak Sung Cha Joo Woo Min Ryu Jin Chun""",
    'japanese': """Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato
        Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu
        Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita
        Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki
        Fujii Nishimura Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano
        Harada Ono Tamura Takeuchi Kaneko Wada Nakayama Ishida Ueda Morita Hara
        Shibata Sakai Kudo Yokoyama Miyazaki Miyamoto Uchida Takagi Ando Taniguchi
        Ohno Maruyama Imai Takada Fujimoto Takeda Murata Ueno Sugiyama Masuda
        Sugawara Hirano Otsuka Kojima Chiba Kishida Ishiba Suga Koizumi Takaichi
        Toyoda Son Mikitani Yanai  Miyamoto""",
    'arabic': """Ahmed Ali Hassan Hussein Mohamed Mahmoud Ibrahim Khalil Mansour Nasser
        Saleh Salem Youssef Haddad Khoury Hariri Aoun Berri Gemayel Assad Sisi
        Moubarak Mubarak Sadate Sadat Nasser Kadhafi Gaddafi Bouteflika Tebboune
        Benkirane Akhannouch Saied Ghannouchi Abbas Arafat Haniyeh Sinwar Nasrallah
        Khamenei Rouhani Raisi Pezeshkian Zarif Araghchi Erdogan Erdoğan Fidan
        Benali Benzema Zidane Mahrez Salah Hakimi Bounou Ziyech Belkacem Bensaïd
        Bouazizi Boudiaf Benjelloun Alaoui El Fassi Idrissi Tazi Bennani Chraibi
        Benaissa Cherif Hamdi Hamdan Rahman Abdullah Al-Saud Al Thani Al Nahyan
        Al Maktoum Bin Salman Al-Sabah Al Khalifa Qasim Karimi Hosseini Ahmadi
        Mohammadi Rezaei Moradi Jafari Kazemi Rahimi Najafi Sadeghi Hashemi Tehrani
        Khan Malik Qureshi Siddiqui Sheikh Chaudhry Butt Bhutto Sharif Imran""",
    'indian': """Patel Sharma Singh Kumar Gupta  Mehta Jain Agarwal Agrawal Reddy Rao
        Nair Menon Pillai Iyer Iyengar Krishnan Subramanian Natarajan Raman Chopra
        Kapoor Khanna Malhotra Bhatia Sethi Arora Bose Banerjee Chatterjee Mukherjee
        Das Dutta Ghosh Sen Roy Chakraborty Bhattacharya Mishra Pandey Tiwari Dubey
        Trivedi Joshi Desai Kulkarni Deshpande Patil Pawar Naidu Verma Yadav Chauhan
        Rathore Thakur Saxena Srivastava Modi Gandhi Nehru Ambani Adani Tata Birla
        Premji Nilekani Murthy Nadella Pichai Nooyi Jaishankar Sitharaman Tharoor""",
    'russian': """Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov
        Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov
        Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Zaitsev Soloviev
        Borisov Yakovlev Grigoriev Romanov Vorobiev Sergeev Kuzmin Frolov Aleksandrov
        Dmitriev Korolev Gusev Kiselev Ilyin Maksimov Polyakov Sorokin Vinogradov
        Kovalev Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov Komarov
        Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov
        Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov
        Kazakov Afanasiev Danilov Savelyev Timofeev Fomin Chernov Abramov Martynov
        Efimov Fedotov Shcherbakov Nazarov Kalinin Isaev Chernyshev Bykov Maslov
        Rodionov Konovalov Lazarev Voronin Klimov Filatov Ponomarev Golubev Kudryavtsev
        Prokhorov Naumov Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev
        Ermakov Kolesnikov Goncharov Emelyanov Nikiforov Grachev Kotov Grishin
        Efremov Arkhipov Gromov Kirillov Malyshev Panov Moiseev Rumyantsev Akimov
        Kondratiev Biryukov Gorbunov Anisimov Eremin Tikhomirov Galkin Lukyanov
        Mikheev Skvortsov Yudin Belousov Nesterov Simonov Prokofiev Kharitonov
        Knyazev Tsvetkov Levin Mitrofanov Voronov Aksenov Sofronov Maltsev
        Loginov Gorshkov Savin Krasnov Mayorov Demidov Eliseev Rybakov Safonov
        Putin Lavrov Shoigu Peskov Navalny Gorbachev Yeltsin Mishustin Nabiullina
        Zelensky Zelenskyy Poroshenko Yanukovych Klitschko Kuleba Sybiha Shmyhal
        Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Lysenko
        Boyko Kovalchuk Melnyk Moroz Marchenko Savchenko Rudenko Pavlenko""",
    'african': """Mensah Owusu Boateng Asante Osei Appiah Agyeman Ofori Addo Amoah Danso
        Okafor Okonkwo Okeke Eze Nwosu Obi Adeyemi Adebayo Ogunleye Olawale Bello
        Abubakar Ibrahim Musa Yusuf Lawal Sani Obasanjo Buhari Jonathan Tinubu
        Dangote Adeniyi Ogundipe Okonjo-Iweala Adesina Achebe Soyinka Adichie
        Diallo Diop Ndiaye Sow Ba Fall Gueye Faye Sarr Sy Camara Keita Konaté
        Traoré Touré Coulibaly Diarra Cissé Sissoko Kone Koné Ouattara Bamba
        Kaboré Sankara Compaoré Gbagbo Bédié Sall Faye Wade Senghor Mbappé
        Drogba Eto'o Mané Koulibaly Kanté Pogba Dembélé Kamara Sylla Barry Bah
        Mandela Zuma Ramaphosa Mbeki Malema Nkosi Dlamini Ndlovu Khumalo Mahlangu
        Mokoena Mthembu Zulu Ngcobo Mabaso Sithole Kenyatta Odinga Ruto Kibaki
        Moi Wanjiru Kamau Otieno Ochieng Odhiambo Mwangi Njoroge Kagame Museveni
        Tshisekedi Kabila Lumumba Mobutu Kabore Gnassingbé Biya Ahidjo Déby
        Bongo Nguema Ouedraogo Zongo Abiy Ahmed Selassie Tesfaye Gebremariam""",
    'spanish_portuguese': """García Fernández González Rodríguez López Martínez Sánchez Pérez
        Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso
        Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco
        Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez
        Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto
        Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera
        Campos Vega Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual
        Santana Herrero Lorenzo Montero Hidalgo Giménez Ibáñez Ferrer Durán Santiago
        Benítez Mora Vicente Vargas Arias Carmona Crespo Román Pastor Soto Sáez
        Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas Sánchez Silva Santos
        Ferreira Pereira Oliveira Costa Rodrigues Martins Jesus Sousa Fernandes
        Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira
        Moreira Correia Mendes Nunes Soares Vieira Monteiro Cardoso Rocha Neves
        Coelho Cruz Cunha Pires Ramos Reis Simões Antunes Matos Fonseca Machado
        Araújo Barbosa Tavares Lourenço Castro Figueiredo Azevedo Freitas Sánchez
        Sheinbaum Obrador Milei Petro Boric Maduro Bolsonaro Lula Rousseff""",
    'german': """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
        Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann
        Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier
        Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser
        Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich
        Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht
        Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt
        Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf
        Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas
        Voigt Sauer Arnold Wolff Pfeiffer Merkel Merz Scholz Habeck Lindner Baerbock
        Söder Steinmeier Kohl Schäuble Adenauer Brandt Schröder Lauterbach Pistorius
        Weidel Wagenknecht Nagel Lagarde Schnabel Draghi Meloni Renzi Berlusconi
        Conte Salvini Prodi Monti Letta Gentiloni  Tajani Schlein""",
    'italian': """Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco
        Bruno Gallo Conti De Luca Mancini Costa Giordano Rizzo Lombardi Moretti
        Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone
        Longo Gentile Martinelli Vitale Lombardo Serra Coppola De Santis D'Angelo
        Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso
        Valentini Messina Sala De Angelis Gatti Pellegrini Palumbo Sanna Farina
        Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino
        Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri
        Bernardi Martino Fiore De Rosa Ferretti Bellini Basile Riva Donati Piras
        Vitali Battaglia Sartori Neri Costantini Milani Pagano Ruggiero Sorrentino
        D'Amico Orlando Damico Negri""",
    'dutch_nordic_polish': """De Jong Jansen De Vries Van den Berg Van Dijk Bakker Janssen
        Visser Smit Meijer De Boer Mulder De Groot Bos Vos Peters Hendriks Van Leeuwen
        Dekker Brouwer De Wit Dijkstra Smits De Graaf Van der Meer Rutte Wilders
        Schoof Timmermans Verhofstadt De Wever De Croo Michel Peeters Maes Jacobs
        Mertens Willems Claes Goossens Wouters Dubois Lambert Dupont Hansen Johansen
        Olsen Larsen Andersen Pedersen Nielsen Jensen Kristensen Karlsson Andersson
        Johansson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
        Pettersson Jonsson Lindberg Lindqvist Korhonen Virtanen Mäkinen Nieminen
        Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Stoltenberg Støre
        Frederiksen Kristersson Orpo Stubb Nowak Kowalski Wiśniewski Wójcik
        Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski
        Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski
        Tusk Duda Nawrocki Kaczyński Morawiecki Wałęsa Orbán Fico Babiš Vučić""",
    'vietnamese_other': """Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh
        Phan Vu Vũ Vo Võ Dang Đặng Bui Bùi Do Đỗ Ho Hồ Ngo Ngô Duong Dương Ly Lý
        Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Aquino Marcos Duterte
        Widodo Prabowo Subianto Sukarno Suharto Wijaya Halim Santoso Tan Lim Ong
        Goh Teo Koh Chua Yeo Loh Lee Anwar Ibrahim Mahathir Razak Yilmaz Yılmaz
        Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
        Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek İmamoğlu Davutoğlu Kılıçdaroğlu
        Papadopoulos Papadakis Georgiou Nikolaidis Mitsotakis Tsipras Varoufakis
        Kovač Horvat Novak Popović Petrović Jovanović Nikolić Marković Đoković
        Ionescu Popescu Constantin Stan Dumitru Iohannis Nagy Kovács Szabó Tóth""",
}

# Given names that are also common words or surnames: their weight as FIRST.
FIRST_LOW = {
    'Rose': 0.4, 'Grace': 0.4, 'Will': 0.3, 'Mark': 0.5, 'Pierre': 0.6,
    'Guy': 0.4, 'Bill': 0.4, 'Victoire': 0.4, 'Hope': 0.3, 'Faith': 0.4,
    'Joy': 0.4, 'June': 0.4, 'May': 0.2, 'April': 0.3, 'Summer': 0.3,
    'Dawn': 0.3, 'Sunny': 0.3, 'Miles': 0.4, 'Price': 0.3, 'King': 0.3,
    'Frank': 0.5, 'Rich': 0.3, 'Bob': 0.6, 'Pat': 0.5, 'Sue': 0.4, 'Don': 0.4,
    'Art': 0.3, 'Ray': 0.5, 'Chase': 0.3, 'Hunter': 0.4, 'Grant': 0.4,
    'Rock': 0.3, 'Ivy': 0.5, 'Lily': 0.6, 'Daisy': 0.5, 'Iris': 0.5,
    'Jasmine': 0.5, 'Holly': 0.5, 'Olive': 0.4, 'Ruby': 0.5, 'Amber': 0.4,
    'Crystal': 0.4, 'Pearl': 0.4, 'Violet': 0.4, 'Autumn': 0.3, 'Storm': 0.3,
    'Angel': 0.4, 'Heaven': 0.3, 'Justice': 0.3, 'Honor': 0.3, 'Glory': 0.3,
    'Patience': 0.4, 'Prudence': 0.4, 'Constance': 0.5, 'Clément': 0.7,
    'Marin': 0.5, 'Colombe': 0.5, 'Aimé': 0.5, 'Désiré': 0.5, 'Blanche': 0.5,
    'Claire': 0.6, 'Aurore': 0.5, 'Rosine': 0.7, 'Océane': 0.7, 'Prosper': 0.5,
    'Sage': 0.3, 'Scout': 0.3, 'Reed': 0.4, 'Wade': 0.5, 'Drew': 0.4,
    'Gene': 0.5, 'Jack': 0.7, 'Jean': 0.7, 'Louis': 0.8, 'France': 0.3,
    'Paris': 0.3, 'Florence': 0.5, 'Victoria': 0.6, 'Jordan': 0.5, 'Chad': 0.5,
    'Georgia': 0.5, 'Sydney': 0.5, 'Austin': 0.5, 'Dallas': 0.3, 'Madison': 0.5,
    'Israel': 0.3, 'India': 0.3, 'China': 0.2, 'Kenya': 0.3, 'America': 0.2,
    'Asia': 0.3, 'Africa': 0.2, 'Europe': 0.1, 'Orange': 0.1, 'Apple': 0.1,
    'Mercedes': 0.4, 'Lexus': 0.1, 'Tesla': 0.1, 'Porsche': 0.1,
}

# Names that are also companies, brands or products: their weight as FIRST
# or LAST (the company sense is often the more frequent in news).
BRANDS = {
    'Ford': 0.4, 'Dell': 0.4, 'Porsche': 0.3, 'Ferrari': 0.4, 'Lamborghini': 0.4,
    'Benetton': 0.5, 'Prada': 0.4, 'Gucci': 0.4, 'Armani': 0.5, 'Versace': 0.5,
    'Barilla': 0.5, 'Bosch': 0.4, 'Siemens': 0.3, 'Krupp': 0.5, 'Heineken': 0.3,
    'Michelin': 0.4, 'Renault': 0.3, 'Peugeot': 0.3, 'Citroën': 0.3,
    'Dassault': 0.4, 'Bouygues': 0.5, 'Hermès': 0.3, 'Boeing': 0.2,
    'Disney': 0.4, 'Kellogg': 0.5, 'Hilton': 0.5, 'Marriott': 0.5,
    'Hewlett': 0.6, 'Packard': 0.6, 'Toyota': 0.3, 'Honda': 0.3, 'Suzuki': 0.5,
    'Yamaha': 0.4, 'Tata': 0.5, 'Philips': 0.4, 'Chanel': 0.4, 'Bacardi': 0.4,
    'Bayer': 0.4, 'Merck': 0.4, 'Pfizer': 0.2, 'Roche': 0.5, 'Tiffany': 0.6,
    'Harley': 0.6, 'Bentley': 0.5, 'Royce': 0.6, 'Mercedes': 0.4, 'Alexa': 0.4,
    'Siri': 0.2, 'Claude': 0.6, 'Gemini': 0.1, 'Lexus': 0.1, 'Tesla': 0.1,
    'Nike': 0.2, 'Dior': 0.4, 'Cartier': 0.5, 'Bugatti': 0.4, 'Maserati': 0.4,
    'Pirelli': 0.4, 'Lavazza': 0.4, 'Ducati': 0.4, 'Fiat': 0.3, 'Opel': 0.3,
    'Seat': 0.2, 'Nissan': 0.3, 'Mazda': 0.3, 'Subaru': 0.3, 'Kia': 0.3,
    'Hyundai': 0.3, 'Samsung': 0.1, 'Casio': 0.3, 'Canon': 0.3, 'Sharp': 0.3,
    'Walton': 0.7, 'Morgan': 0.7, 'Goldman': 0.6, 'Sachs': 0.6, 'Lehman': 0.6,
    'Schwab': 0.6, 'Wells': 0.5, 'Barclay': 0.7, 'Lloyd': 0.7, 'Rothschild': 0.7,
    'Lazard': 0.5, 'Ricard': 0.5, 'Pernod': 0.5, 'Danone': 0.3, 'Lactalis': 0.3,
    'Leclerc': 0.6, 'Auchan': 0.3, 'Carrefour': 0.2, 'Thales': 0.4,
    'Safran': 0.3, 'Vinci': 0.4, 'Orange': 0.1, 'Total': 0.1, 'Engie': 0.2,
    'Ubisoft': 0.1, 'Vivendi': 0.3, 'Havas': 0.4, 'Publicis': 0.3,
}
